import { RAG_STATUSES, type RagStatus } from '../../plans/domain/rag.js';
import { ragLabel } from '../../reports/presentation/display.js';
import {
  offersAcknowledgement,
  type FieldError,
  type MonthlyUpdateValues,
  type UpdateField,
} from './monthly-update-form.js';

/** What the monthly update form template is given: its values, its errors, and where each lives. */
export interface UpdateFormView {
  readonly actionId: string;
  readonly ref: string;
  /** Makes the controls' ids unique on a page with one form per action. */
  readonly idPrefix: string;
  readonly values: MonthlyUpdateValues;
  readonly ragItems: readonly { value: RagStatus; text: string; checked: boolean }[];
  readonly errors: Partial<Record<UpdateField, string>>;
  readonly offerAcknowledgement: boolean;
}

interface Updatable {
  readonly id: string;
  readonly ref: string;
  readonly rag: RagStatus;
  readonly version: number;
}

/** Where the error summary sends a user for each control (a radio group: its first radio). */
export const controlId = (idPrefix: string, field: UpdateField): string =>
  field === 'effectiveDate'
    ? `${idPrefix}effectiveDate-day`
    : field === 'form'
      ? `${idPrefix}monthly-update`
      : `${idPrefix}${field}`;

/**
 * The form for an action: fresh (its current RAG chosen, the version shown), or as the user sent it
 * with the refusals beside their controls. A conflict passes the action's new version to send back.
 */
export function updateFormOf(
  action: Updatable,
  returnTo: string,
  sent?: { readonly values: MonthlyUpdateValues; readonly errors: readonly FieldError[] },
  idPrefix = `update-${action.id}-`,
): UpdateFormView {
  const values: MonthlyUpdateValues = sent?.values ?? {
    rag: action.rag,
    reason: '',
    note: '',
    effectiveDay: '',
    effectiveMonth: '',
    effectiveYear: '',
    acknowledgePersonalData: false,
    expectedVersion: action.version,
    returnTo,
  };
  const errors: Partial<Record<UpdateField, string>> = {};
  for (const error of sent?.errors ?? []) errors[error.field] ??= error.text;
  return {
    actionId: action.id,
    ref: action.ref,
    idPrefix,
    values,
    ragItems: RAG_STATUSES.map((rag) => ({ value: rag, text: ragLabel(rag), checked: rag === values.rag })),
    errors,
    offerAcknowledgement: offersAcknowledgement(values, sent?.errors ?? []),
  };
}

/** The GOV.UK error summary's list: each refusal linking to its control. */
export const errorSummaryOf = (form: UpdateFormView | null, errors: readonly FieldError[]) =>
  errors.map((error) => ({
    text: error.text,
    // Without a form (the user may no longer change the action) the message stands on its own.
    href: form ? `#${controlId(form.idPrefix, error.field)}` : '#main-content',
  }));
