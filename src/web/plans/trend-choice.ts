import { readDay, type FieldError } from './day-fields.js';
import type { TrendStep } from './trend-view.js';
import { ukInstant } from './uk-time.js';

export interface TrendFields {
  readonly interval: TrendStep;
  readonly fromDay: string;
  readonly fromMonth: string;
  readonly fromYear: string;
}

/** What the trend page's form asked for: a step, and the start (null: since the plan was created). */
export type TrendChoice =
  | { readonly ok: true; readonly fields: TrendFields; readonly from: string | null }
  | { readonly ok: false; readonly fields: TrendFields; readonly errors: readonly FieldError[] };

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** Monthly unless weekly is asked for: boards meet monthly. A start day means its first moment, UK time. */
export function readTrendChoice(query: Readonly<Record<string, unknown>>, now: Date): TrendChoice {
  const fields: TrendFields = {
    interval: text(query.interval) === 'WEEK' ? 'WEEK' : 'MONTH',
    fromDay: text(query.fromDay),
    fromMonth: text(query.fromMonth),
    fromYear: text(query.fromYear),
  };
  const { fromDay: day, fromMonth: month, fromYear: year } = fields;
  if (day === '' && month === '' && year === '') return { ok: true, fields, from: null };
  const read = readDay({ day, month, year }, now, 'from');
  if ('error' in read) return { ok: false, fields, errors: [read.error] };
  // Midnight happens every UK day (the clocks change at 1am and 2am).
  return { ok: true, fields, from: ukInstant(read.day, '00:00')! };
}
