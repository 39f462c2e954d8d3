import { isCalendarDate, ukDate } from '../../plans/domain/plan-date.js';

/** A form field's error, as the GOV.UK error summary lists it. */
export interface FieldError {
  readonly text: string;
  /** The id of the field to go to from the error summary. */
  readonly href: string;
}

const WHOLE = /^\d+$/;

/**
 * A GOV.UK date input's day, month and year as a UK calendar day "YYYY-MM-DD", today or earlier;
 * else the error to show, pointing at the field (ids `<id>-day`, `<id>-month`, `<id>-year`).
 */
export function readDay(
  typed: { readonly day: string; readonly month: string; readonly year: string },
  now: Date,
  id: string,
): { day: string } | { error: FieldError } {
  const error = (text: string, part = 'day') => ({ error: { text, href: `#${id}-${part}` } });
  const missing = (['day', 'month', 'year'] as const).filter((part) => typed[part] === '');
  if (missing.length === 3) return error('Enter the date');
  if (missing.length > 0) return error(`The date must include a ${missing.join(' and ')}`, missing[0]);
  const { day, month, year } = typed;
  if (![day, month, year].every((value) => WHOLE.test(value)) || year.length !== 4) {
    return error('The date must be a real date, like 3 3 2025');
  }
  const calendarDay = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  if (!isCalendarDate(calendarDay)) return error('The date must be a real date, like 3 3 2025');
  if (calendarDay > ukDate(now.toISOString())) return error('The date must be today or in the past');
  return { day: calendarDay };
}
