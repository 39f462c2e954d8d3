import { isCalendarDate } from '../../plans/domain/plan-date.js';
import { RAG_STATUSES, type RagStatus } from '../../plans/domain/rag.js';
import type { PageError } from '../web-graphql.js';
import { safeReturnPath } from '../web-pages.js';

/** The controls of the monthly update form; `form` stands for the form as a whole. */
export type UpdateField = 'rag' | 'reason' | 'note' | 'effectiveDate' | 'form';

export interface FieldError {
  readonly field: UpdateField;
  readonly text: string;
  /** The API suspects personal data in the note: the form then offers the acknowledgement. */
  readonly personalData?: boolean;
}

/** Everything the user typed, kept as typed so that any page that re-renders the form loses none of it. */
export interface MonthlyUpdateValues {
  readonly rag: string;
  readonly reason: string;
  readonly note: string;
  readonly effectiveDay: string;
  readonly effectiveMonth: string;
  readonly effectiveYear: string;
  readonly acknowledgePersonalData: boolean;
  /** The action version the user saw; null when the form did not say (then nothing is sent). */
  readonly expectedVersion: number | null;
  readonly returnTo: string;
}

/** What recordActionUpdate is sent: left-out text is not sent at all, so the API sees no change. */
export interface RecordActionUpdateInput {
  readonly actionId: string;
  readonly rag: RagStatus;
  readonly reason?: string;
  readonly note?: string;
  readonly effectiveDate?: string;
  readonly expectedVersion: number;
  readonly acknowledgePersonalData: boolean;
}

export type ReadUpdate =
  | { readonly ok: true; readonly values: MonthlyUpdateValues; readonly input: RecordActionUpdateInput }
  | { readonly ok: false; readonly values: MonthlyUpdateValues; readonly errors: FieldError[] };

type Form = Readonly<Record<string, unknown>>;

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const isRag = (value: string): value is RagStatus => (RAG_STATUSES as readonly string[]).includes(value);

/** Back to a path on this site; anything else (another site, nothing) to the action's own page. */
function returnPath(returnTo: unknown, actionId: string): string {
  const safe = safeReturnPath(returnTo);
  return safe === '/' && returnTo !== '/' ? `/actions/${actionId}` : safe;
}

/** The form as posted. */
export function updateValues(form: Form, actionId: string): MonthlyUpdateValues {
  const version = text(form.expectedVersion).trim();
  return {
    rag: text(form.rag),
    reason: text(form.reason),
    note: text(form.note),
    effectiveDay: text(form['effectiveDate-day']).trim(),
    effectiveMonth: text(form['effectiveDate-month']).trim(),
    effectiveYear: text(form['effectiveDate-year']).trim(),
    acknowledgePersonalData: form.acknowledgePersonalData === 'yes',
    expectedVersion: /^[1-9]\d{0,8}$/.test(version) ? Number(version) : null,
    returnTo: returnPath(form.returnTo, actionId),
  };
}

/** "YYYY-MM-DD" from the three boxes; null when all are empty; undefined when it is no real day. */
export function effectiveDateOf(values: MonthlyUpdateValues): string | null | undefined {
  const { effectiveDay: day, effectiveMonth: month, effectiveYear: year } = values;
  if (day === '' && month === '' && year === '') return null;
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) return undefined;
  const date = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isCalendarDate(date) ? date : undefined;
}

/**
 * Checks what the page can check itself (a RAG from the list, a real date, the version seen) and
 * leaves every rule of the update to the API: whether a reason is needed, what counts as a change.
 */
export function readMonthlyUpdate(form: Form, actionId: string): ReadUpdate {
  const values = updateValues(form, actionId);
  const errors: FieldError[] = [];
  if (!isRag(values.rag)) errors.push({ field: 'rag', text: 'Select a RAG status' });
  const effectiveDate = effectiveDateOf(values);
  if (effectiveDate === undefined) {
    errors.push({
      field: 'effectiveDate',
      text: 'The date it took effect must be a real date, for example 23 4 2024',
    });
  }
  if (values.expectedVersion === null) {
    // Without it the API could not tell whether someone else changed the action first.
    errors.push({ field: 'form', text: 'This form is out of date. Reload the page and try again.' });
  }
  if (errors.length > 0 || !isRag(values.rag) || effectiveDate === undefined || !values.expectedVersion) {
    return { ok: false, values, errors };
  }
  const given = (value: string) => (value.trim() === '' ? undefined : value);
  const input: RecordActionUpdateInput = {
    actionId,
    rag: values.rag,
    reason: given(values.reason),
    note: given(values.note),
    ...(effectiveDate ? { effectiveDate } : {}),
    expectedVersion: values.expectedVersion,
    acknowledgePersonalData: values.acknowledgePersonalData,
  };
  return { ok: true, values, input };
}

const API_FIELDS: Readonly<Record<string, UpdateField>> = {
  rag: 'rag',
  reason: 'reason',
  note: 'note',
  text: 'note',
  effectiveDate: 'effectiveDate',
};

/** A refusal of the update, beside the control it is about. */
export function fieldErrorsOf(errors: readonly PageError[]): FieldError[] {
  return errors.map((error) => {
    const field = API_FIELDS[error.field ?? ''] ?? 'form';
    if (field === 'note' && error.reason === 'PERSONAL_DATA_SUSPECTED') {
      return { field, text: personalDataMessage(error.message), personalData: true };
    }
    return { field, text: error.message };
  });
}

/** The API speaks to programs ("acknowledgePersonalData: true"); the page points at its checkbox. */
function personalDataMessage(message: string): string {
  const found = /seems to contain (.+?)\./.exec(message)?.[1];
  const what = found ? `seems to contain ${found}` : 'may contain personal data';
  return (
    `The progress note ${what}. Progress notes must not identify children: remove it, or check ` +
    'the note and confirm below that it is not personal data.'
  );
}

/** Whether to offer "I have checked: this is not personal data" (kept once ticked). */
export const offersAcknowledgement = (values: MonthlyUpdateValues, errors: readonly FieldError[]) =>
  values.acknowledgePersonalData || errors.some((error) => error.personalData === true);
