import type { PlanDate } from '../plans/domain/plan-date.js';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** As councils write dates in their plans: "December 2023", or "23 April 2024" for a day. */
export function planDateText(date: PlanDate | null): string {
  if (date === null) return '';
  const [year, month, day] = date.split('-');
  const monthYear = `${MONTHS[Number(month) - 1]} ${year}`;
  return day === undefined ? monthYear : `${Number(day)} ${monthYear}`;
}
