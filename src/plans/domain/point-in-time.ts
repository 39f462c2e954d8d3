import { invalid } from './errors.js';
import { endOfUkDay, isCalendarDate, ukDate } from './plan-date.js';

/*
 * Points in time, worked out in one place for every door: the GraphQL DateTime arguments, the
 * export's ?asOf, the board pack and the command-line tools. What may be written, what it means,
 * which are refused, and which day a change took effect. Pure: "now" comes in as an argument.
 */

/** RFC 3339 with an explicit offset, so an instant is never read in the server's local time. */
const INSTANT = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/i;

/** How a point in time is written, for error messages and descriptions. */
export const POINT_IN_TIME_FORMAT =
  'an instant with its offset, such as 2024-05-14T17:00:00Z, or a day such as 2024-05-14 (its end, UK time)';

/**
 * An instant with its offset, or a UK calendar day, which stands for the last millisecond of that
 * day (as a board meeting does); undefined when the value is neither.
 */
export function readPointInTime(value: unknown): Date | undefined {
  if (typeof value !== 'string') return undefined;
  if (isCalendarDate(value)) return endOfUkDay(value);
  const match = INSTANT.exec(value);
  if (!match || !isCalendarDate(match[1]!) || Number.isNaN(Date.parse(value))) return undefined;
  return new Date(value);
}

/** Like readPointInTime, refusing anything else as bad input in the caller's own words. */
export function parsePointInTime(value: string, field = 'asOf'): Date {
  const point = readPointInTime(value);
  if (!point) throw invalid(field, `${field} must be ${POINT_IN_TIME_FORMAT}`);
  return point;
}

/**
 * A point no later than now. The end of today (what "2024-05-14" means on the 14th) is now: the day
 * is not over. Anything else later than now is refused rather than silently answered as now.
 */
export function notAfterNow(point: Date, now: Date, field = 'asOf'): Date {
  if (point <= now) return point;
  const today = ukDate(now.toISOString());
  if (point.getTime() === endOfUkDay(today).getTime()) return now;
  throw invalid(field, `${field} is in the future (${point.toISOString()}): nothing is recorded after now`);
}

/** A day no later than today (UK). */
export function notAfterToday(day: string, now: Date, field: string): string {
  if (day > ukDate(now.toISOString())) throw invalid(field, `${field} (${day}) is after today`);
  return day;
}

/** A board meeting stands for the end of the UK day it was held; for a meeting held today, now. */
export function boardMeetingPoint(heldOn: string, now: Date): Date {
  const end = endOfUkDay(heldOn);
  return end < now ? end : now;
}

/** "Since the plan was created": just before its first event, so the period includes it. */
export const justBeforeCreation = (createdAt: string): Date => new Date(Date.parse(createdAt) - 1);

/**
 * The day a change took effect: the effective date it was recorded with, else the UK day it was
 * recorded. The one definition behind plan(effectiveOn) and planHistory's effective-date filter.
 */
export const effectiveDayOf = (context: {
  readonly recordedAt: string;
  readonly effectiveDate?: string | null;
}) => context.effectiveDate ?? ukDate(context.recordedAt);

/**
 * "Since the last board": the latest meeting whose UK day had ended by `until` (meetings are kept
 * in the order held), or, given a meeting, the one held before it. Undefined when there is none:
 * the period then starts when the plan was created.
 */
export function previousBoardMeeting<Meeting extends { readonly id: string; readonly heldOn: string }>(
  meetings: readonly Meeting[],
  until: Date,
  meeting?: Meeting,
): Meeting | undefined {
  if (meeting) return meetings.filter((candidate) => candidate.heldOn < meeting.heldOn).at(-1);
  return meetings.filter((candidate) => endOfUkDay(candidate.heldOn) <= until).at(-1);
}
