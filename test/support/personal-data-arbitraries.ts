import * as fc from 'fast-check';

/** fast-check generators for the personal-data check: NHS numbers as typed, and ordinary plan text. */

/** The NHS modulus-11 check digit, worked out here independently of the code under test. */
export function nhsCheckDigit(nine: readonly number[]): number {
  const weighted = nine.reduce((sum, digit, index) => sum + digit * (10 - index), 0);
  const check = 11 - (weighted % 11);
  return check === 11 ? 0 : check;
}

const nineDigits = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 });

/** Ten digits whose last is the right check digit (numbers whose check digit would be 10 are never issued). */
export const validNhsDigits = nineDigits
  .filter((nine) => nhsCheckDigit(nine) !== 10)
  .map((nine) => [...nine, nhsCheckDigit(nine)]);

/** Ten digits with a wrong last digit: a phone number or id, not an NHS number. */
export const invalidNhsDigits = fc
  .tuple(nineDigits, fc.integer({ min: 1, max: 9 }))
  .map(([nine, offset]) => [...nine, (nhsCheckDigit(nine) + offset) % 10])
  .filter((ten) => nhsCheckDigit(ten.slice(0, 9)) !== ten[9]);

/** The separators a keyboard puts between digit groups or between single digits. */
export const SEPARATORS = [' ', '-', '.', '/', ''] as const;

const FULL_WIDTH_ZERO = 0xff10;
const toFullWidth = (text: string) =>
  text.replace(/\d/g, (digit) => String.fromCodePoint(FULL_WIDTH_ZERO + Number(digit)));

/** Ten digits as someone might type them: 3-3-4 groups or digit by digit, any separator, maybe full-width. */
export const typed = (digits: fc.Arbitrary<number[]>) =>
  fc
    .record({
      digits,
      layout: fc.constantFrom('3-3-4', 'digit by digit'),
      separator: fc.constantFrom(...SEPARATORS),
      fullWidth: fc.boolean(),
    })
    .map(({ digits: ten, layout, separator, fullWidth }) => {
      const text = ten.join('');
      const laidOut =
        layout === '3-3-4'
          ? [text.slice(0, 3), text.slice(3, 6), text.slice(6)].join(separator)
          : [...text].join(separator);
      return fullWidth ? toFullWidth(laidOut) : laidOut;
    });

const two = (n: number) => String(n).padStart(2, '0');
const MONTHS = [
  'January',
  'Feb',
  'March',
  'Apr',
  'May',
  'June',
  'Jul',
  'August',
  'Sept',
  'Oct',
  'November',
  'Dec',
];

/** A date as plans write meeting and due dates, in every form the birth-date check knows. */
export const anyDate = fc
  .record({
    day: fc.integer({ min: 1, max: 28 }),
    month: fc.integer({ min: 1, max: 12 }),
    year: fc.integer({ min: 2000, max: 2030 }),
    form: fc.integer({ min: 0, max: 6 }),
  })
  .map(({ day, month, year, form }) => {
    const name = MONTHS[month - 1] ?? 'May';
    return [
      `${two(day)}/${two(month)}/${year}`,
      `${day}.${month}.${String(year).slice(2)}`,
      `${year}-${two(month)}-${two(day)}`,
      `${two(day)}${two(month)}${year}`,
      `${day} ${name} ${year}`,
      `${name} ${day}, ${year}`,
      `${two(day)}-${name}-${year}`,
    ][form] as string;
  });

const money = fc
  .tuple(fc.integer({ min: 0, max: 9_999_999 }), fc.integer({ min: 0, max: 99 }))
  .map(([pounds, pence]) => `£${pounds.toLocaleString('en-GB')}.${two(pence)}`);

const ukPhone = fc
  .tuple(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 10, maxLength: 10 }), fc.nat(4))
  .map(([ten, form]) => {
    const d = ten.join('');
    return [
      `0${d.slice(0, 4)} ${d.slice(4)}`,
      `0${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6)}`,
      `0${d}`,
      `+44 ${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6)}`,
      `+44 (0)${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6)}`,
    ][form] as string;
  });

/** The ways notes mark a date as a birth date. */
export const birthCue = fc.constantFrom(
  'DOB',
  'D.O.B.',
  'dob:',
  'Date of birth',
  'date of birth is',
  'born',
  'born on',
  'b.',
  'birth date',
);

/**
 * Sentences of ordinary plan text: refs, caseloads, percentages, money, meeting dates, phone
 * numbers and numbers that fail the check digit, and words near "birth" that are not a birth cue.
 * Every sentence starts and ends with a word, so numbers never run into each other.
 */
export const ordinarySentence = fc.oneof(
  fc
    .tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 20 }))
    .map(([t, n]) => `Action ${t}.${n} moved to amber`),
  fc.nat(999).map((n) => `Caseloads average ${n} per team`),
  fc
    .tuple(fc.nat(100), fc.boolean())
    .map(([n, half]) => `Visits on time rose to ${n}${half ? '.5' : ''}% this quarter`),
  money.map((amount) => `Budget of ${amount} agreed`),
  anyDate.map((date) => `Reviewed at the board on ${date} as planned`),
  anyDate.map((date) => `Newborn and birth-to-five visits audited ${date} by the stubborn team`),
  ukPhone.map((phone) => `Call ${phone} for the duty desk`),
  typed(invalidNhsDigits).map((number) => `Case ref ${number} closed`),
);

export const ordinaryText = fc
  .array(ordinarySentence, { minLength: 1, maxLength: 6 })
  .map((sentences) => `${sentences.join('. ')}.`);
