import { containsDateOfBirth } from './date-of-birth.js';
import { DomainError } from './errors.js';
import { containsNhsNumber } from './nhs-number.js';

/**
 * Progress notes must not identify children. This spots the obvious cases (an NHS number,
 * a date of birth) so the author is warned instead of the note being stored silently.
 * What it misses is listed in the README ("What the personal-data check does not catch").
 * Answers what looks like personal data, in words a user understands; empty when none.
 */
export function findPersonalData(text: string): string[] {
  // NFKC turns full-width digits, no-break spaces and full-width punctuation into ASCII.
  const normalised = text.normalize('NFKC');
  const found: string[] = [];
  if (containsNhsNumber(normalised)) found.push('an NHS number');
  if (containsDateOfBirth(normalised)) found.push('a date of birth');
  return found;
}

/**
 * Descriptions and reasons are read by boards and published with the plan: text that looks like
 * it identifies a child is refused (a progress note can be recorded anyway once acknowledged).
 */
export function assertNoPersonalData(field: string, text: string): string {
  const suspected = findPersonalData(text);
  if (suspected.length > 0) {
    throw new DomainError(
      'PERSONAL_DATA_SUSPECTED',
      field,
      `The ${field} seems to contain ${suspected.join(' and ')}. Plans must not identify children: remove it.`,
    );
  }
  return text;
}
