import { DomainError } from './errors.js';

/**
 * Progress notes must not identify children. This spots the obvious cases (an NHS number,
 * a date of birth) so the author is warned instead of the note being stored silently.
 */
const NUMBER_RUN = /(?<!\d)(\d{3})[ -]?(\d{3})[ -]?(\d{4})(?!\d)/g;
const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*';
const DATE = `(?:\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}|\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2})`;
const DATE_OF_BIRTH = new RegExp(
  `\\b(?:d\\.?o\\.?b\\.?|date of birth|born(?: on)?)\\s*[:-]?\\s*${DATE}`,
  'i',
);

/** NHS numbers carry a modulus-11 check digit, which rules out most phone numbers and ids. */
function isNhsNumber(digits: string): boolean {
  const weighted = [...digits.slice(0, 9)].reduce(
    (sum, digit, index) => sum + Number(digit) * (10 - index),
    0,
  );
  const check = 11 - (weighted % 11);
  const expected = check === 11 ? 0 : check;
  return expected !== 10 && expected === Number(digits[9]);
}

/** What looks like personal data in the text, in words a user understands; empty when none. */
export function findPersonalData(text: string): string[] {
  const found: string[] = [];
  const nhsNumbers = [...text.matchAll(NUMBER_RUN)].filter((match) =>
    isNhsNumber(match.slice(1, 4).join('')),
  );
  if (nhsNumbers.length > 0) found.push('an NHS number');
  if (DATE_OF_BIRTH.test(text)) found.push('a date of birth');
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
