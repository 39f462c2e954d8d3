import type { RecordedEvent } from '../../event-store/event-store.port.js';
import type { PlanEvent } from '../domain/events.js';
import type { FoldContext, Plan } from '../domain/plan.js';

/** One plan event as the projection folded it: the fact, and the plan before and after it. */
export interface PlanEventApplied {
  readonly recorded: RecordedEvent;
  readonly event: PlanEvent;
  readonly context: FoldContext;
  readonly before: Plan | undefined;
  readonly after: Plan;
}

/** A read model fed by the projection's single fold (history, time travel, live updates). */
export interface PlanEventListener {
  onPlanEvent(applied: PlanEventApplied): void;
}
