import { describe, expect, it } from '@jest/globals';
import { ukDateTimeWords, ukFormFields, ukInstant } from './uk-time.js';

describe('a UK wall-clock time as an instant', () => {
  it('is GMT in winter and BST in summer', () => {
    expect(ukInstant('2025-03-03', '17:00')).toBe('2025-03-03T17:00:00+00:00');
    expect(ukInstant('2025-07-14', '09:30')).toBe('2025-07-14T09:30:00+01:00');
    expect(ukInstant('2025-07-14', '09:30:15')).toBe('2025-07-14T09:30:15+01:00');
  });

  it('takes the later of the two 1:30s when the clocks go back, so both are included', () => {
    expect(ukInstant('2025-10-26', '01:30')).toBe('2025-10-26T01:30:00+00:00');
    expect(ukInstant('2025-10-26', '00:59')).toBe('2025-10-26T00:59:00+01:00');
  });

  it('has no instant for the hour skipped when the clocks go forward', () => {
    expect(ukInstant('2025-03-30', '01:30')).toBeUndefined();
    expect(ukInstant('2025-03-30', '00:59')).toBe('2025-03-30T00:59:00+00:00');
    expect(ukInstant('2025-03-30', '02:00')).toBe('2025-03-30T02:00:00+01:00');
  });
});

describe('an instant in words', () => {
  it('says the UK day and time as GOV.UK writes them', () => {
    expect(ukDateTimeWords('2025-03-03T17:00:00.000Z')).toBe('3 March 2025, 5pm');
    expect(ukDateTimeWords('2025-07-14T08:30:00.000Z')).toBe('14 July 2025, 9:30am');
    expect(ukDateTimeWords('2025-07-14T11:00:00.000Z')).toBe('14 July 2025, midday');
    expect(ukDateTimeWords('2025-01-14T00:00:00.000Z')).toBe('14 January 2025, midnight');
  });

  it('gives seconds only for an instant typed to the second', () => {
    expect(ukDateTimeWords('2025-03-03T17:00:15.000Z')).toBe('3 March 2025, 5:00:15pm');
    expect(ukDateTimeWords('2025-03-03T23:59:59.999Z')).toBe('3 March 2025, 11:59pm');
    expect(ukDateTimeWords('2025-07-14T22:59:59.999Z')).toBe('14 July 2025, 11:59pm');
  });

  it('gives the form fields a person would type for it', () => {
    expect(ukFormFields('2025-07-14T16:05:09.000Z')).toEqual({
      day: '14',
      month: '7',
      year: '2025',
      time: '17:05:09',
    });
    expect(ukFormFields('2025-01-04T09:00:00.000Z').time).toBe('09:00');
  });
});
