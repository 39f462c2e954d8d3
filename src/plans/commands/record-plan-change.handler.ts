import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Optional } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { jitteredDelay } from '../../event-store/backoff.js';
import {
  EVENT_STORE,
  WrongExpectedRevisionError,
  type EventStore,
  type RecordedEvent,
} from '../../event-store/event-store.port.js';
import { OperationsMetrics } from '../../observability/operations-metrics.js';
import { CLOCK, type Clock } from '../../shared/clock.js';
import { OneAtATime } from '../../shared/one-at-a-time.js';
import { decideAll } from '../domain/decide-all.js';
import { conflict } from '../domain/errors.js';
import { keyedRequest, keyReusedForAnotherChange, type KeyedRequest } from '../domain/idempotency.js';
import { evolve, type Plan } from '../domain/plan.js';
import { fromRecorded, planStream, toNewEvents } from '../plan-stream.js';
import type { LoadedPlan } from '../read-models/loaded-plan.js';
import { PlanProjection } from '../read-models/plan-projection.js';
import { PlanReads } from '../read-models/plan-reads.js';
import { PriorRequests } from './prior-requests.js';
import { RecordPlanChange, type PlanChangeRecorded } from './record-plan-change.command.js';

/**
 * Without expectedVersion a change that lost to another instance's is simply re-decided on the
 * newer state, up to this many times, after a jittered pause: writers that lost together must not
 * all come back together (on a store with network round trips, 30 concurrent notes on one plan
 * otherwise lost 18 times in 30).
 */
const MAX_ATTEMPTS = 12;
const REDECIDE_BACKOFF = { initialDelayMs: 5, maxDelayMs: 200 };

@CommandHandler(RecordPlanChange)
export class RecordPlanChangeHandler implements ICommandHandler<RecordPlanChange> {
  private readonly onePerPlan = new OneAtATime();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly projection: PlanProjection,
    private readonly reads: PlanReads,
    private readonly priorRequests: PriorRequests,
    @Inject(CLOCK) private readonly clock: Clock,
    // Counts answers given from an earlier request; absent in the command-line tools.
    @Optional() private readonly metrics?: OperationsMetrics,
  ) {}

  async execute({ planId, changes, origin }: RecordPlanChange): Promise<PlanChangeRecorded> {
    if (changes.length === 0) throw new Error('RecordPlanChange needs at least one change');
    // One change to a plan at a time in this process: writers here never race each other, so a
    // conflict (and its re-decide) only comes from another instance writing the same plan.
    return this.onePerPlan.run(planId, () => this.record(planId, changes, origin));
  }

  private async record(
    planId: string,
    changes: RecordPlanChange['changes'],
    origin: RecordPlanChange['origin'],
  ): Promise<PlanChangeRecorded> {
    const request = keyedRequest(origin, planId, changes);
    const causationId = randomUUID();
    for (let attempt = 1; ; attempt += 1) {
      const { loaded, plan, position, unfolded } = await this.load(planId);
      const instant = this.clock();
      const repeated = request && (await this.repeated(request, loaded, unfolded, instant));
      if (repeated) {
        this.metrics?.idempotentRepeat();
        return repeated;
      }
      const now = instant.toISOString();
      // Transaction time never goes backwards within a plan, even if the clock does.
      const recordedAt = plan && plan.updatedAt > now ? plan.updatedAt : now;
      const { decisions } = await this.decideOrExplain(() => {
        const decision = decideAll(changes, plan, { recordedAt, actor: origin.actor });
        if (!decision.accepted) throw decision.refusal.error;
        return decision;
      }, position);
      const recording = { correlationId: origin.correlationId, causationId, request };
      const events = decisions.flatMap(({ events: decided, context }) =>
        toNewEvents(decided, { ...context, ...recording }, randomUUID),
      );
      try {
        // A repeat racing the first (another instance, or a client not waiting) loses here and,
        // on the next attempt, finds the first one's events.
        const expected = plan ? plan.version - 1 : 'no_stream';
        const result = await this.store.append(planStream(planId), events, expected);
        await this.projection.waitFor(result.position);
        return { planId, position: result.position, repeated: false };
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
        if (attempt === MAX_ATTEMPTS) {
          throw conflict(
            undefined,
            'The plan is being changed by many people at once: try again in a moment',
          );
        }
        await sleep(jitteredDelay(REDECIDE_BACKOFF, attempt));
      }
    }
  }

  /**
   * A refusal decided on events the read model has not folded yet (another process wrote them)
   * waits for it, so that the client reloading after CONFLICT sees what it conflicted with.
   */
  private async decideOrExplain<T>(decision: () => T, position: bigint | undefined): Promise<T> {
    try {
      return decision();
    } catch (error) {
      if (position !== undefined) await this.projection.waitFor(position);
      throw error;
    }
  }

  /**
   * A request recorded already is answered as recorded, with nothing decided or appended; the
   * same key for another change is refused before anything is decided.
   */
  private async repeated(
    request: KeyedRequest,
    loaded: LoadedPlan | undefined,
    unfolded: readonly RecordedEvent[],
    now: Date,
  ): Promise<PlanChangeRecorded | undefined> {
    const prior = this.priorRequests.among(loaded, unfolded, request, now);
    if (prior.kind === 'none') return undefined;
    if (prior.kind === 'different') throw keyReusedForAnotherChange();
    await this.projection.waitFor(prior.first.position);
    return { planId: request.planId, position: prior.first.position, repeated: true };
  }

  /** The plan through the read door, brought up to the end of its stream (others may be ahead). */
  private async load(planId: string): Promise<{
    loaded: LoadedPlan | undefined;
    plan: Plan | undefined;
    position?: bigint;
    unfolded: RecordedEvent[];
  }> {
    const loaded = await this.reads.findKnown(planId);
    let plan = loaded?.plan;
    const unfolded = await this.store.readStream(planStream(planId), { fromRevision: loaded?.version ?? 0 });
    for (const recorded of unfolded) {
      const { event, context } = fromRecorded(recorded);
      plan = evolve(plan, event, context);
    }
    return { loaded, plan, position: unfolded.at(-1)?.position, unfolded };
  }
}
