import type { PlanEventApplied } from './plan-event-applied.js';

/**
 * A read model of one plan kept beside its current state (its history, its search index): folded
 * from the plan's own events when the plan is loaded, then kept current by the live tail, and
 * dropped with the plan when the cache lets it go.
 */
export interface PlanPartModel {
  onPlanEvent(applied: PlanEventApplied): void;
}

/** How to make a part for a newly loaded plan; a capability registers one before the app starts. */
export interface PlanPart<T extends PlanPartModel> {
  readonly name: string;
  create(): T;
}

export const planPart = <T extends PlanPartModel>(name: string, create: () => T): PlanPart<T> => ({
  name,
  create,
});
