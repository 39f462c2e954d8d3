import type { RecordedEvent } from '../../event-store/event-store.port.js';
import { evolve, type Plan } from '../domain/plan.js';
import { fromRecorded, recordedRequestOf } from '../plan-stream.js';
import type { PlanEventApplied } from './plan-event-applied.js';
import type { PlanPart, PlanPartModel } from './plan-part.js';
import { PlanTimeline } from './plan-timeline.js';
import { RecordedRequests } from './recorded-requests.js';

/** One stored event folded into the plan before it: the fact, and the plan before and after. */
export function foldStep(before: Plan | undefined, recorded: RecordedEvent): PlanEventApplied {
  const { event, context } = fromRecorded(recorded);
  return { recorded, event, context, before, after: evolve(before, event, context) };
}

/**
 * One plan folded from its own stream: its current state, its timeline (time travel), the keyed
 * requests it recorded, and the parts other capabilities keep per plan (folded with it, or built
 * when first asked for: see PlanLoader.partOf). Everything a question about the plan needs, and
 * nothing about any other plan.
 */
export class LoadedPlan {
  private current: Plan | undefined;
  readonly timeline = new PlanTimeline();
  readonly requests = new RecordedRequests();
  private readonly parts = new Map<PlanPart<PlanPartModel>, PlanPartModel>();

  constructor(
    readonly planId: string,
    folded: readonly PlanPart<PlanPartModel>[],
  ) {
    for (const part of folded) this.parts.set(part, part.create());
  }

  /** Events folded: the next event of the stream has this revision. */
  get version(): number {
    return this.timeline.version;
  }

  /** The plan now; a loaded plan always has its creation folded in. */
  get plan(): Plan {
    return this.current!;
  }

  has(part: PlanPart<PlanPartModel>): boolean {
    return this.parts.has(part);
  }

  part<T extends PlanPartModel>(part: PlanPart<T>): T {
    const model = this.parts.get(part);
    if (!model) throw new Error(`The ${part.name} part of plan ${this.planId} is not built`);
    return model as T;
  }

  /** A part built from the plan's first `version` events: from now on it is folded with the plan. */
  adopt<T extends PlanPartModel>(part: PlanPart<T>, model: T): T {
    this.parts.set(part, model);
    return model;
  }

  /** Folds the stream's next event; its revision must be the plan's version. */
  apply(recorded: RecordedEvent): PlanEventApplied {
    if (recorded.revision !== this.version) {
      throw new Error(`${this.planId}: revision ${recorded.revision} folded at version ${this.version}`);
    }
    const applied = foldStep(this.current, recorded);
    this.current = applied.after;
    this.timeline.append(applied);
    const request = recordedRequestOf(recorded);
    if (request) this.requests.record(request);
    for (const model of this.parts.values()) model.onPlanEvent(applied);
    return applied;
  }
}
