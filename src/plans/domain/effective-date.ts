import { invalid } from './errors.js';
import { isCalendarDate, ukDate } from './plan-date.js';
import type { Plan } from './plan.js';

/**
 * The day a change took effect, when the user gives one: a real day, not after today (UK time, as
 * councils work), and not before the inspection the plan answers (nothing in it can predate that).
 */
export function assertEffectiveDate(
  effectiveDate: string | null | undefined,
  plan: Pick<Plan, 'inspection'>,
  now: string,
): void {
  if (effectiveDate === undefined || effectiveDate === null) return;
  if (!isCalendarDate(effectiveDate))
    throw invalid('effectiveDate', 'effectiveDate must be a date "YYYY-MM-DD"');
  if (effectiveDate > ukDate(now)) throw invalid('effectiveDate', 'effectiveDate cannot be in the future');
  const inspected = plan.inspection?.startDate;
  if (inspected !== undefined && effectiveDate < inspected) {
    throw invalid(
      'effectiveDate',
      `effectiveDate (${effectiveDate}) is before the inspection this plan answers began (${inspected})`,
    );
  }
}
