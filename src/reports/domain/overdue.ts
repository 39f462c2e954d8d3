import type { Action } from '../../plans/domain/plan.js';
import { planDateSpan, type PlanDate } from '../../plans/domain/plan-date.js';

/** Which date an overdue action has passed. */
export type OverdueRule = 'DUE_BY_PASSED' | 'COMMENCING_PASSED';

export interface Overdue {
  readonly rule: OverdueRule;
  /** The due-by or commencing date as the plan writes it ("2024-03" or "2024-03-15"). */
  readonly date: PlanDate;
  /** The last day that date covers: a month runs to its last day. */
  readonly lastDay: string;
  /** Whole days from that last day to the day of the report. */
  readonly daysOverdue: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Whether an action is overdue on a UK calendar day ("YYYY-MM-DD"): the one rule behind the board
 * pack's list and the action's `overdue` field. Withdrawn actions (out of the plan) and GREEN and
 * BLUE actions never are. Otherwise:
 * - with a due-by date: overdue once the whole due-by day or month has passed (its last day is
 *   before `today`), whatever the RAG; the due-by date governs even when commencing has passed;
 * - with no due-by date but a commencing date: overdue once the whole commencing month has passed
 *   while the action is still NOT_RATED (no sign it has started) or RED (off track). An AMBER action
 *   with no due date is work in progress, not late: commencing says when work starts, not ends;
 * - with neither date: never overdue (there is nothing to be late against).
 */
export function overdueness(action: Action, today: string): Overdue | null {
  if (action.withdrawn || action.rag === 'GREEN' || action.rag === 'BLUE') return null;
  if (action.dueBy !== null) return passed('DUE_BY_PASSED', action.dueBy, today);
  const notStartedOrOffTrack = action.rag === 'NOT_RATED' || action.rag === 'RED';
  if (action.commencing !== null && notStartedOrOffTrack) {
    return passed('COMMENCING_PASSED', action.commencing, today);
  }
  return null;
}

function passed(rule: OverdueRule, date: PlanDate, today: string): Overdue | null {
  const { last: lastDay } = planDateSpan(date);
  if (lastDay >= today) return null;
  const daysOverdue = Math.round((Date.parse(today) - Date.parse(lastDay)) / DAY_MS);
  return { rule, date, lastDay, daysOverdue };
}
