/* Helpers for the plan-diff unit tests: a history, then what happened during a period. */
import { foldPlan, RECORDED_AT, type GivenEvent } from './decider-spec.js';
import { ACTION_ID, actionAdded, OTHER_ACTION_ID, ragStatusChanged } from './plan-builders.js';
import type { RagStatus } from '../../src/plans/domain/rag.js';
import { evolve, type Plan } from '../../src/plans/domain/plan.js';
import { changeTiming, describeChange, type PlanChange } from '../../src/history/domain/plan-change.js';
import { diffPlans, type PlanDiff } from '../../src/history/domain/plan-diff.js';

export const unpack = (given: GivenEvent) =>
  'event' in given ? given : { event: given, context: { recordedAt: RECORDED_AT } };

/**
 * given(history before the period).during(events in the period): the diff a board would see,
 * with the period's changes described one by one as the change log does.
 */
export const given = (...history: GivenEvent[]) => ({
  during(...period: GivenEvent[]): PlanDiff {
    const before = foldPlan(history);
    let plan: Plan | undefined = before;
    const changes: PlanChange[] = period.map((given, index) => {
      const { event, context } = unpack(given);
      const next = evolve(plan, event, context);
      const change = {
        ...describeChange(event, plan, next),
        ...changeTiming(context),
        planId: next.id,
        eventId: `event-${index}`,
        position: BigInt(index),
        version: next.version,
        correlationId: null,
      };
      plan = next;
      return change;
    });
    return diffPlans(before, plan!, changes);
  },
});

export const rag = (from: RagStatus, to: RagStatus, reason: string, actionId = ACTION_ID) =>
  ragStatusChanged({ actionId, from, to, reason });
export const otherAction = (data: Parameters<typeof actionAdded>[0] = {}) =>
  actionAdded({ actionId: OTHER_ACTION_ID, ref: '1.2', ...data });
export const refs = (actions: readonly { ref: string }[]) => actions.map((action) => action.ref);
/** Every movement as a board reads it: which action, from, to, who, when, effective and why. */
export const movements = (diff: PlanDiff) =>
  diff.ragMovements.map(({ action, from, to, direction, reason, actor, recordedAt, effectiveDate }) => ({
    ref: action.ref,
    from,
    to,
    direction,
    reason,
    by: actor?.name ?? null,
    recordedAt,
    effectiveDate,
  }));
/** The net change per action, with the reason of each movement behind it. */
export const netChanges = (diff: PlanDiff) =>
  diff.netRagChanges.map(({ action, from, to, direction, addedInPeriod, movements: steps }) => ({
    ref: action.ref,
    from,
    to,
    direction,
    addedInPeriod,
    reasons: steps.map((step) => step.reason),
  }));
export const NO_RAG = { red: 0, amber: 0, green: 0, blue: 0, notRated: 0, total: 0 };
