import { isPlanDate, type PlanDate } from '../../plans/domain/plan-date.js';

/**
 * How a date cell reads. Plans mostly write months ("December 2023", "Dec 2023") and sometimes full
 * dates ("31/03/2024", "31 March 2024"); UK order (day first) throughout.
 */
export type DateCell =
  | { readonly kind: 'blank' }
  | { readonly kind: 'date'; readonly date: PlanDate }
  /** "TBC", "Ongoing", "N/A": deliberately no date; read as none, with a warning. */
  | { readonly kind: 'placeholder' }
  /** Anything else: refused as a problem rather than guessed. */
  | { readonly kind: 'unreadable' };

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

const PLACEHOLDERS = /^(tbc|tba|tbd|ongoing|n\/a|na|none|-+|–|—)$/;

/** "dec", "december" and "sept" name a month; "de" or "decembers" do not. */
function monthNumber(word: string): number | null {
  const name = word.replace(/\.$/, '');
  if (name.length < 3) return null;
  const index = MONTHS.findIndex((month) => month.startsWith(name));
  const fullOrShort = index >= 0 && (name.length === 3 || name === 'sept' || name === MONTHS[index]);
  return fullOrShort ? index + 1 : null;
}

function fullYear(digits: string): number {
  return digits.length === 2 ? 2000 + Number(digits) : Number(digits);
}

function planDate(year: number, month: number, day?: number): PlanDate | null {
  const yyyyMm = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
  const date = day === undefined ? yyyyMm : `${yyyyMm}-${String(day).padStart(2, '0')}`;
  return isPlanDate(date) ? date : null;
}

const ISO = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/;
const MONTH_YEAR = /^([a-z]+\.?)[\s-]+(\d{4}|\d{2})$/;
const DAY_MONTH_YEAR = /^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([a-z]+\.?),?[\s-]+(\d{4})$/;
const NUMERIC_DAY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/;
const NUMERIC_MONTH = /^(\d{1,2})\/(\d{4})$/;

function readDate(text: string): PlanDate | null {
  let match = ISO.exec(text);
  if (match) return planDate(Number(match[1]), Number(match[2]), match[3] ? Number(match[3]) : undefined);
  match = MONTH_YEAR.exec(text);
  if (match) {
    const month = monthNumber(match[1]!);
    const twoDigitYearNeedsHyphen = match[2]!.length === 2 && !text.includes('-');
    return month && !twoDigitYearNeedsHyphen ? planDate(fullYear(match[2]!), month) : null;
  }
  match = DAY_MONTH_YEAR.exec(text);
  if (match) {
    const month = monthNumber(match[2]!);
    return month ? planDate(Number(match[3]), month, Number(match[1])) : null;
  }
  match = NUMERIC_DAY.exec(text);
  if (match) return planDate(fullYear(match[3]!), Number(match[2]), Number(match[1]));
  match = NUMERIC_MONTH.exec(text);
  if (match) return planDate(Number(match[2]), Number(match[1]));
  return null;
}

export function readDateCell(cell: string): DateCell {
  const text = cell.replace(/\s+/g, ' ').trim().toLowerCase();
  if (text === '') return { kind: 'blank' };
  if (PLACEHOLDERS.test(text)) return { kind: 'placeholder' };
  const date = readDate(text);
  return date === null ? { kind: 'unreadable' } : { kind: 'date', date };
}
