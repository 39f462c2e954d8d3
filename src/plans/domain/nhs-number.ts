/**
 * Spots NHS numbers however a keyboard writes them: `943 476 5919`, `943-476-5919`,
 * `943.476.5919`, `943/476/5919`, `9434765919`, digit by digit (`9 4 3 4 7 6 5 9 1 9`) and in
 * full-width digits. The text is NFKC-normalised first, which turns full-width digits, spaces and
 * punctuation (and no-break or thin spaces) into their ASCII forms.
 *
 * Ten digits pass the modulus-11 check about one time in eleven, so the layout matters as much
 * as the check digit: only the groupings people use for NHS numbers count, and a run that is part
 * of a longer number (a phone number with its area code, a dotted ref, a `+44` prefix) does not.
 */

/** A gap between digit groups: a space run, or one dash, dot or slash with optional spaces. */
const GAP = '(?:[ \\t]*[-\\u2010-\\u2015\\u2212./][ \\t]*|[ \\t]+)';
/** Not the tail of a longer number: no digit just before (a space is fine), no `+44 ` or `(0)`. */
const NOT_AFTER_NUMBER = '(?<!\\d[-\\u2010-\\u2015\\u2212./]?|\\+\\d{1,3}[ \\t]*|\\(0\\)[ \\t]*)';
const NOT_BEFORE_NUMBER = '(?![-\\u2010-\\u2015\\u2212./]?\\d)';

/** 3-3-4 with the same gap twice, or ten digits in a row. */
const GROUPED = new RegExp(
  `${NOT_AFTER_NUMBER}(\\d{3})(${GAP})?(\\d{3})\\2(\\d{4})${NOT_BEFORE_NUMBER}`,
  'g',
);

/**
 * One digit at a time with the same gap between them, optionally a different gap between the
 * 3-3-4 groups (`9 4 3 - 4 7 6 - 5 9 1 9`). A space-separated neighbour digit means a longer
 * list of digits, not an NHS number.
 */
const DIGIT_BY_DIGIT = new RegExp(
  `(?<!\\d${GAP}?)(\\d)(${GAP})(\\d)\\2(\\d)(${GAP})(\\d)\\2(\\d)\\2(\\d)\\5(\\d)\\2(\\d)\\2(\\d)\\2(\\d)(?!${GAP}?\\d)`,
  'g',
);

/** NHS numbers carry a modulus-11 check digit, which rules out most phone numbers and ids. */
export function hasValidCheckDigit(digits: string): boolean {
  const weighted = [...digits.slice(0, 9)].reduce(
    (sum, digit, index) => sum + Number(digit) * (10 - index),
    0,
  );
  const check = 11 - (weighted % 11);
  const expected = check === 11 ? 0 : check;
  return expected !== 10 && expected === Number(digits[9]);
}

const digitsOf = (match: RegExpMatchArray): string =>
  match
    .slice(1)
    .filter((part): part is string => part !== undefined && /^\d+$/.test(part))
    .join('');

/** Whether the (already NFKC-normalised) text holds something laid out and checked as an NHS number. */
export function containsNhsNumber(normalised: string): boolean {
  return [GROUPED, DIGIT_BY_DIGIT].some((layout) =>
    [...normalised.matchAll(layout)].some((match) => hasValidCheckDigit(digitsOf(match))),
  );
}
