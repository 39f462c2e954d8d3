import { readPointInTime } from '../../plans/domain/point-in-time.js';
import { readDay, type FieldError } from './day-fields.js';
import { ukInstant } from './uk-time.js';

/** The "as at" form's fields, as typed (kept to show them again beside an error). */
export interface AsAtFields {
  readonly asAtDay: string;
  readonly asAtMonth: string;
  readonly asAtYear: string;
  readonly asAtTime: string;
  readonly board: string;
}

/** What the visitor asked to see: the plan now, at a point they typed, or at a board meeting. */
export type AsAtRequest =
  | { readonly kind: 'now'; readonly fields: AsAtFields }
  | { readonly kind: 'point'; readonly fields: AsAtFields; readonly asOf: string; readonly day: string }
  | { readonly kind: 'boardMeeting'; readonly fields: AsAtFields; readonly meetingId: string }
  | { readonly kind: 'invalid'; readonly fields: AsAtFields; readonly errors: readonly FieldError[] };

const TIME = /^([01]?\d|2[0-3])[:.]([0-5]\d)(?:[:.]([0-5]\d))?$/;

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
const fail = (fields: AsAtFields, message: string, href = '#asAt-day'): AsAtRequest => ({
  kind: 'invalid',
  fields,
  errors: [{ text: message, href }],
});

/**
 * Reads the as-at part of the overview's query string. A date alone means the end of that UK day
 * (as a board meeting does, and as the API reads a plain day); with a time, the instant a UK clock
 * showed it. Not in the future: nothing is recorded after now.
 */
export function readAsAt(query: Readonly<Record<string, unknown>>, now: Date): AsAtRequest {
  const fields: AsAtFields = {
    asAtDay: text(query.asAtDay),
    asAtMonth: text(query.asAtMonth),
    asAtYear: text(query.asAtYear),
    asAtTime: text(query.asAtTime),
    board: text(query.board),
  };
  const { asAtDay, asAtMonth, asAtYear, asAtTime, board } = fields;
  const typed = [asAtDay, asAtMonth, asAtYear, asAtTime].some((value) => value !== '');
  if (board !== '') {
    if (typed) return fail(fields, 'Choose a date or a board meeting, not both', '#asAt-board');
    return { kind: 'boardMeeting', fields, meetingId: board };
  }
  if (!typed) return { kind: 'now', fields };
  const read = readDay({ day: asAtDay, month: asAtMonth, year: asAtYear }, now, 'asAt');
  if ('error' in read) return { kind: 'invalid', fields, errors: [read.error] };
  const { day } = read;
  if (asAtTime === '') return { kind: 'point', fields, asOf: day, day };
  const time = TIME.exec(asAtTime);
  if (!time) return fail(fields, 'Enter the time in 24-hour format, like 17:30', '#asAtTime');
  const asOf = ukInstant(day, `${time[1]!.padStart(2, '0')}:${time[2]}:${time[3] ?? '00'}`);
  if (!asOf) {
    return fail(fields, 'That time did not happen in the UK: the clocks went forward', '#asAtTime');
  }
  if (readPointInTime(asOf)! > now) return fail(fields, 'The time must be now or in the past', '#asAtTime');
  return { kind: 'point', fields, asOf, day };
}

/** The as-at part of a URL, to keep it when the filters change (and the filters when it changes). */
export function asAtQuery(fields: AsAtFields): [string, string][] {
  return Object.entries(fields).filter(([, value]) => value !== '');
}
