import { invalid } from './errors.js';
import { assertNoPersonalData } from './personal-data.js';
import { ownerKey } from './owner-names.js';

/** Limits generous enough for real plans (descriptions run to several paragraphs). */
export const LIMITS = {
  title: 300,
  shortText: 200,
  ref: 20,
  owners: 20,
  reason: 2_000,
  url: 2_000,
  longText: 20_000,
} as const;

/** Trims and rejects blank or over-long text; returns the trimmed value. */
export function requiredText(field: string, value: string | null | undefined, max: number): string {
  const text = (value ?? '').trim();
  if (text === '') throw invalid(field, `${field} must not be empty`);
  if (text.length > max)
    throw invalid(field, `${field} must be at most ${max} characters (got ${text.length})`);
  return text;
}

/** Like requiredText, but null/undefined/blank mean "not given". */
export function optionalText(field: string, value: string | null | undefined, max: number): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  return requiredText(field, value, max);
}

const REF = /^[A-Za-z0-9]+(?:[.\-/][A-Za-z0-9]+)*$/;

/** Refs are written like "1.1", "1.10", "6.5" or "A3". */
export function actionRef(value: string): string {
  const ref = requiredText('ref', value, LIMITS.ref);
  if (!REF.test(ref))
    throw invalid('ref', `ref must look like "1.4" (letters and digits separated by . - /), got "${ref}"`);
  return ref;
}

/** Owners are roles or teams; whitespace is normalised and repeats dropped (case-insensitively). */
export function ownerList(values: readonly string[]): string[] {
  // Counted as sent, before repeats are dropped: a million copies of one name is refused unread.
  if (values.length > LIMITS.owners)
    throw invalid('owners', `an action can have at most ${LIMITS.owners} owners (got ${values.length})`);
  const owners: string[] = [];
  const seen = new Set<string>();
  values.forEach((value, index) => {
    const owner = requiredText(`owners[${index}]`, value.replace(/\s+/g, ' '), LIMITS.shortText);
    if (!seen.has(ownerKey(owner))) owners.push(owner);
    seen.add(ownerKey(owner));
  });
  return owners;
}

/** Why a change was made: required, and never identifying a child. */
export const reasonText = (value: string | null | undefined): string =>
  assertNoPersonalData('reason', requiredText('reason', value, LIMITS.reason));
