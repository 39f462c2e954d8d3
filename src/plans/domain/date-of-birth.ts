/**
 * Spots a date of birth. A date alone is not one: plans are full of meeting and due dates
 * ("board on 01/02/2024"), so a date counts only right after a birth cue (`DOB`, `D.O.B.`,
 * `date of birth`, `birth date`, `born`, `b.`) or right before `(DOB)` / `date of birth`.
 */

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|' +
  'sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const YEAR = '\\d{2}(?:\\d{2})?(?!\\d)';
const DAY = '\\d{1,2}(?:st|nd|rd|th)?';
const DASH = '[-/.\\u2010-\\u2015]';

const DATE = [
  `\\d{1,2}\\s?${DASH}\\s?\\d{1,2}\\s?${DASH}\\s?${YEAR}`, // 01/02/2015, 1.2.15
  `\\d{4}${DASH}\\d{1,2}${DASH}\\d{1,2}(?!\\d)`, // 2015-02-01
  `\\d{6}(?:\\d{2})?(?!\\d)`, // 01022015, 010215, 20150201: only after a cue, so no calendar check
  `${DAY}(?:\\s+of)?[\\s/-]*${MONTH}[\\s/,-]*${YEAR}`, // 1 Feb 2015, 1st of February, 2015, 01-Feb-15
  `${MONTH}\\s*${DAY},?\\s+${YEAR}`, // Feb 1 2015, February 1st, 2015
].join('|');

/** Cues that name the date as a birth date whichever side of it they stand. */
const DOB_WORDS = '(?:\\bd\\.?\\s?o\\.?\\s?b\\b\\.?|\\bdate\\s+of\\s+birth\\b|\\bbirth\\s*date\\b)';
/** `b.` is the genealogists' "born"; not after a letter or dot, so refs like `2.b.` stay out. */
const CUE_BEFORE = `(?:${DOB_WORDS}|\\bborn\\b|(?<![\\w.])b\\.)`;
/** Room for "DOB: ", "date of birth is ", "born on ", "b. (". */
const FILLER = '\\s*(?:[:=(\\u2013-]\\s*)?(?:(?:is|was|on)\\s+)?\\(?';

const CUE_THEN_DATE = new RegExp(`${CUE_BEFORE}${FILLER}(?:${DATE})`, 'i');
const DATE_THEN_CUE = new RegExp(`(?:${DATE})\\s*[(\\[,:\\u2013-]?\\s*${DOB_WORDS}`, 'i');

/** Whether the (already NFKC-normalised) text holds a date marked as a birth date. */
export function containsDateOfBirth(normalised: string): boolean {
  return CUE_THEN_DATE.test(normalised) || DATE_THEN_CUE.test(normalised);
}
