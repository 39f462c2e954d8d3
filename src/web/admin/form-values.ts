import { isCalendarDate } from '../../plans/domain/plan-date.js';

export type Form = Readonly<Record<string, unknown>>;

/** A field as typed, trimmed; '' when it was not sent (or sent twice, which no page of ours does). */
export const textOf = (form: Form, name: string): string => {
  const value = form[name];
  return typeof value === 'string' ? value.trim() : '';
};

/** The three boxes of a GOV.UK date input, as typed, so a page can show them again after an error. */
export interface DateParts {
  readonly day: string;
  readonly month: string;
  readonly year: string;
}

export const datePartsOf = (form: Form, name: string): DateParts => ({
  day: textOf(form, `${name}-day`),
  month: textOf(form, `${name}-month`),
  year: textOf(form, `${name}-year`),
});

export const NO_DATE: DateParts = { day: '', month: '', year: '' };

/** "2024-04-23" from a date input, nothing when left empty, or what to fix (GOV.UK's wording). */
export type DateAnswer = { readonly day?: string; readonly error?: string };

/**
 * Three boxes into one calendar day. Whether that day is allowed (not in the future, not before
 * the plan) is the API's rule; the page only says when the boxes do not make a date at all.
 */
export function readDate(parts: DateParts, label: string): DateAnswer {
  const missing = (['day', 'month', 'year'] as const).filter((part) => parts[part] === '');
  if (missing.length === 3) return {};
  if (missing.length > 0) return { error: `${label} must include a ${missing.join(' and ')}` };
  if (!/^\d{4}$/.test(parts.year)) return { error: 'Year must include 4 numbers' };
  if (!/^\d{1,2}$/.test(parts.day) || !/^\d{1,2}$/.test(parts.month)) {
    return { error: `${label} must be a real date` };
  }
  const day = `${parts.year}-${parts.month.padStart(2, '0')}-${parts.day.padStart(2, '0')}`;
  return isCalendarDate(day) ? { day } : { error: `${label} must be a real date` };
}
