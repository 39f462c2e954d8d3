import type { PageError } from '../web-graphql.js';

/** A field of a page's form: the element an error links to and the words the page labels it with. */
export interface FormField {
  readonly id: string;
  readonly label: string;
}

/** What a form shows after bad input: the GOV.UK error summary, and a message beside each field. */
export interface FormErrors {
  readonly summary: { text: string; href: string }[];
  /** By the API's name for the field ("inspection.startDate"). */
  readonly byField: Record<string, string>;
}

/** Errors a form answers itself (status 400, or 409 when the plan changed); the rest get the error page. */
export const isFormError = (error: PageError) =>
  error.code === 'BAD_USER_INPUT' || error.code === 'CONFLICT' || error.code === 'PERSONAL_DATA_SUSPECTED';

export const formStatus = (errors: readonly PageError[]) =>
  errors.some((error) => error.code === 'CONFLICT') ? 409 : 400;

/**
 * The API names the field at fault ("title must not be empty", field "title"); the page links the
 * message to that field's element and says it in the page's words ("Title must not be empty").
 * An error about no field the form has lands on `fallback` (the form's first field or its button).
 */
export function formErrors(
  errors: readonly PageError[],
  fields: Readonly<Record<string, FormField>>,
  fallback: string,
): FormErrors {
  const summary: { text: string; href: string }[] = [];
  const byField: Record<string, string> = {};
  for (const error of errors) {
    const name = error.field !== undefined && fields[error.field] ? error.field : fallback;
    const field = fields[name]!;
    const text =
      error.field !== undefined && error.message.startsWith(`${error.field} `)
        ? `${field.label}${error.message.slice(error.field.length)}`
        : error.message;
    summary.push({ text, href: `#${field.id}` });
    byField[name] ??= text;
  }
  return { summary, byField };
}

/** Errors the page found in the form itself (a date that is not a date), in the same shape. */
export const pageErrors = (found: Readonly<Record<string, string | undefined>>): PageError[] =>
  Object.entries(found)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([field, message]) => ({ code: 'BAD_USER_INPUT', field, message }));
