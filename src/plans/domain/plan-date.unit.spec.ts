import { describe, expect, it } from '@jest/globals';
import {
  commencesAfterDue,
  endOfUkDay,
  isCalendarDate,
  isPlanDate,
  planDateSpan,
  ukDate,
} from './plan-date.js';

describe('plan dates', () => {
  it.each(['2023-12', '2024-02-29', '2024-12-31'])('accepts "%s"', (value) =>
    expect(isPlanDate(value)).toBe(true),
  );

  it.each([
    '2024-13',
    '2024-00',
    'Dec 2023',
    '2023-02-29',
    '2024-04-31',
    '2024-3',
    '2024-03-1',
    ' 2024-03',
    '',
  ])('rejects "%s"', (value) => expect(isPlanDate(value)).toBe(false));

  it('takes only a full date as a calendar date', () => {
    expect(isCalendarDate('2024-04-23')).toBe(true);
    expect(isCalendarDate('2024-04')).toBe(false);
  });

  it.each([
    ['2024-02', { first: '2024-02-01', last: '2024-02-29' }],
    ['2023-02', { first: '2023-02-01', last: '2023-02-28' }],
    ['2024-03-15', { first: '2024-03-15', last: '2024-03-15' }],
  ])('spans "%s" as %p', (value, span) => expect(planDateSpan(value)).toEqual(span));

  it.each([
    ['2024-03', '2024-03-15', false],
    ['2024-03-20', '2024-03', false],
    ['2024-03-16', '2024-03-15', true],
    ['2024-04', '2024-03-31', true],
    ['2024-04', '2024-03', true],
  ])('says commencing %s after due %s is %p', (commencing, dueBy, after) =>
    expect(commencesAfterDue(commencing, dueBy)).toBe(after),
  );

  it.each([
    ['2024-01-15', '2024-01-15T23:59:59.999Z'],
    ['2024-04-23', '2024-04-23T22:59:59.999Z'],
    ['2024-03-30', '2024-03-30T23:59:59.999Z'],
    ['2024-03-31', '2024-03-31T22:59:59.999Z'],
    ['2024-10-27', '2024-10-27T23:59:59.999Z'],
  ])('ends the UK day %s at %s', (day, instant) => expect(endOfUkDay(day).toISOString()).toBe(instant));

  it('tells the UK date of an instant', () => {
    expect(ukDate('2024-06-30T23:30:00.000Z')).toBe('2024-07-01');
    expect(ukDate('2024-12-31T23:30:00.000Z')).toBe('2024-12-31');
  });
});
