import { invalid } from './errors.js';

/**
 * A date as plans write it: "YYYY-MM" (month precision, e.g. "Commencing December 2023")
 * or "YYYY-MM-DD".
 */
export type PlanDate = string;

const PLAN_DATE = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/;
const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isRealDate(year: number, month: number, day: number | undefined): boolean {
  if (month < 1 || month > 12) return false;
  return day === undefined || (day >= 1 && day <= daysInMonth(year, month));
}

export function isPlanDate(value: string): boolean {
  const match = PLAN_DATE.exec(value);
  if (!match) return false;
  return isRealDate(
    Number(match[1]),
    Number(match[2]),
    match[3] === undefined ? undefined : Number(match[3]),
  );
}

/** A full calendar date "YYYY-MM-DD", as used for effective dates and board meetings. */
export function isCalendarDate(value: string): boolean {
  const match = CALENDAR_DATE.exec(value);
  return match !== null && isRealDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

export function assertPlanDate(field: string, value: string): void {
  if (!isPlanDate(value)) {
    throw invalid(field, `${field} must be a month "YYYY-MM" or a date "YYYY-MM-DD", got "${value}"`);
  }
}

/** First and last day covered, as "YYYY-MM-DD": a month spans the whole month. */
export function planDateSpan(value: PlanDate): { first: string; last: string } {
  if (value.length === 10) return { first: value, last: value };
  const [year, month] = value.split('-').map(Number) as [number, number];
  return { first: `${value}-01`, last: `${value}-${String(daysInMonth(year, month)).padStart(2, '0')}` };
}

/** True when the action would start after it is due (a month counts as its whole span). */
export function commencesAfterDue(commencing: PlanDate, dueBy: PlanDate): boolean {
  return planDateSpan(commencing).first > planDateSpan(dueBy).last;
}

/** Councils work in UK time: just after midnight in summer, "today" is still yesterday in UTC. */
const UK_DAY = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

export function ukDate(instant: string): string {
  const part = (type: string) => UK_DAY.formatToParts(new Date(instant)).find((p) => p.type === type)?.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** The last millisecond of a UK calendar day, as an instant (GMT or BST as the day requires). */
export function endOfUkDay(day: string): Date {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const nextMidnightAsUtc = Date.UTC(year, month - 1, date + 1);
  return new Date(nextMidnightAsUtc - ukOffsetMs(new Date(nextMidnightAsUtc)) - 1);
}

/** How far UK wall-clock time is ahead of UTC at an instant: 0 or one hour. */
function ukOffsetMs(at: Date): number {
  const { year, month, day, hour, minute } = ukWallClock(at);
  return Date.UTC(year, month - 1, day, hour, minute) - Math.floor(at.getTime() / 60_000) * 60_000;
}

const UK_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** What a UK clock and calendar showed at an instant. */
export interface WallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

export function ukWallClock(at: Date): WallClock {
  const parts = Object.fromEntries(UK_TIME.formatToParts(at).map((part) => [part.type, part.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}
