import { invalid } from './errors.js';
import { assertPlanDate, commencesAfterDue, type PlanDate } from './plan-date.js';

/** Commencing and due-by dates are each optional, valid PlanDates, and in order. */
export function assertSchedule(
  commencing: PlanDate | null,
  dueBy: PlanDate | null,
  blame: 'commencing' | 'dueBy' = 'commencing',
): void {
  if (commencing !== null) assertPlanDate('commencing', commencing);
  if (dueBy !== null) assertPlanDate('dueBy', dueBy);
  if (commencing !== null && dueBy !== null && commencesAfterDue(commencing, dueBy)) {
    throw invalid(blame, `An action cannot commence (${commencing}) after it is due (${dueBy})`);
  }
}
