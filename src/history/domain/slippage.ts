import type { RecordedActor } from '../../auth/domain/actor.js';
import { planDateSpan, type PlanDate } from '../../plans/domain/plan-date.js';
import type { Action, Plan } from '../../plans/domain/plan.js';
import type { PlanChange, Schedule } from './plan-change.js';

/*
 * Slippage: how far an action's dates have moved, derived from the recorded changes (the dates it
 * was added with, and each reschedule), so nothing about it is stored twice.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

/** Days from the last day one plan date covers to the last day another covers; later is positive. */
export function daysBetween(from: PlanDate, to: PlanDate): number {
  return Math.round((Date.parse(planDateSpan(to).last) - Date.parse(planDateSpan(from).last)) / DAY_MS);
}

/**
 * How many days an action's dates moved from one schedule to another: from the last day of the
 * due-by date before to the last day of the due-by date after (a month counts to its last day, so
 * "2024-06" → "2024-09" is 92 days), later positive and earlier negative. Without a due-by date on
 * both sides, the commencing dates are compared the same way; with neither, null.
 */
export function daysSlipped(from: Schedule, to: Schedule): number | null {
  if (from.dueBy !== null && to.dueBy !== null) return daysBetween(from.dueBy, to.dueBy);
  if (from.commencing !== null && to.commencing !== null) return daysBetween(from.commencing, to.commencing);
  return null;
}

export interface Slippage {
  /** The dates the action was added with. */
  readonly originalCommencing: PlanDate | null;
  readonly originalDueBy: PlanDate | null;
  readonly rescheduleCount: number;
  /** From the original dates to the current ones, by `daysSlipped`. */
  readonly daysSlipped: number | null;
}

/**
 * An action's slippage from its own changes, oldest first as the change log holds them. Only the
 * changes the action state has seen count: each event that changes an action adds one to its
 * version (a redaction does not), so an action as it was at a past instant slips as it had then.
 */
export function slippageOf(action: Action, changes: readonly PlanChange[]): Slippage {
  const seen = changes.filter((change) => change.kind !== 'TEXT_REDACTED').slice(0, action.version);
  const planned = seen.find((change) => change.kind === 'ACTION_ADDED')?.scheduleTo ?? action;
  return {
    originalCommencing: planned.commencing,
    originalDueBy: planned.dueBy,
    rescheduleCount: seen.filter((change) => change.kind === 'RESCHEDULED').length,
    daysSlipped: daysSlipped(planned, action),
  };
}

/** One reschedule: the dates before and after, who recorded it, when, and why. */
export interface Reschedule {
  readonly from: Schedule;
  readonly to: Schedule;
  readonly daysSlipped: number | null;
  readonly reason: string;
  readonly actor: RecordedActor | null;
  readonly recordedAt: string;
  readonly effectiveDate: string | null;
  readonly eventId: string;
}

/** An action rescheduled in a period: its dates at the start (or when added) and at the end. */
export interface SlippedAction {
  /** The action as at the end of the period. */
  readonly action: Action;
  readonly from: Schedule;
  readonly to: Schedule;
  readonly daysSlipped: number | null;
  /** Every reschedule of the period, in the order recorded. */
  readonly reschedules: readonly Reschedule[];
}

/** The actions rescheduled by `changes` (a period's), in the plan's order, from the plan at its end. */
export function slippedActions(after: Plan, changes: readonly PlanChange[]): SlippedAction[] {
  const byAction = new Map<string, Reschedule[]>();
  for (const change of changes) {
    if (change.kind !== 'RESCHEDULED' || !change.scheduleFrom || !change.scheduleTo) continue;
    const reschedule = rescheduleOf(change, change.scheduleFrom, change.scheduleTo);
    const reschedules = byAction.get(change.actionId!);
    if (reschedules) reschedules.push(reschedule);
    else byAction.set(change.actionId!, [reschedule]);
  }
  return [...after.actions.values()].flatMap((action) => {
    const reschedules = byAction.get(action.id);
    if (!reschedules) return [];
    const from = reschedules[0]!.from;
    const to = reschedules.at(-1)!.to;
    return [{ action, from, to, daysSlipped: daysSlipped(from, to), reschedules }];
  });
}

function rescheduleOf(change: PlanChange, from: Schedule, to: Schedule): Reschedule {
  return {
    from,
    to,
    daysSlipped: daysSlipped(from, to),
    reason: change.reason ?? '',
    actor: change.actor,
    recordedAt: change.recordedAt,
    effectiveDate: change.effectiveDate,
    eventId: change.eventId,
  };
}
