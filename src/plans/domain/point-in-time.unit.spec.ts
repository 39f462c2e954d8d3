import { describe, expect, it } from '@jest/globals';
import { DomainError } from './errors.js';
import {
  boardMeetingPoint,
  effectiveDayOf,
  justBeforeCreation,
  notAfterNow,
  notAfterToday,
  parsePointInTime,
  readPointInTime,
} from './point-in-time.js';

const refusal = (attempt: () => unknown) => {
  try {
    attempt();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    const { kind, field } = error as DomainError;
    return { kind, field };
  }
  throw new Error('expected a refusal');
};

const at = (instant: string) => new Date(instant);
/** 15:00 on 14 May 2024, UK summer time. */
const NOW = at('2024-05-14T14:00:00.000Z');

describe('reading a point in time', () => {
  it.each([
    ['2024-05-14T17:00:00Z', '2024-05-14T17:00:00.000Z'],
    ['2024-05-14T18:00:00.250+01:00', '2024-05-14T17:00:00.250Z'],
    ['2024-05-14T17:00Z', '2024-05-14T17:00:00.000Z'],
  ])('reads the instant %s as %s', (value, instant) =>
    expect(readPointInTime(value)?.toISOString()).toBe(instant),
  );

  it('reads a day as its last millisecond in UK time, summer or winter', () => {
    expect(readPointInTime('2024-05-14')?.toISOString()).toBe('2024-05-14T22:59:59.999Z');
    expect(readPointInTime('2024-01-10')?.toISOString()).toBe('2024-01-10T23:59:59.999Z');
  });

  it.each(['yesterday', '2024-05-14T17:00:00', '2024-02-30T10:00:00Z', '2024-13-01', '14/05/2024', '', 42])(
    'reads nothing from %p, and refuses it in the caller’s words',
    (value) => {
      expect(readPointInTime(value)).toBeUndefined();
      if (typeof value === 'string')
        expect(refusal(() => parsePointInTime(value, '--as-of'))).toEqual({
          kind: 'INVALID',
          field: '--as-of',
        });
    },
  );
});

describe('a point no later than now', () => {
  it('keeps a past point and now itself', () => {
    expect(notAfterNow(at('2024-05-14T13:59:59.999Z'), NOW)).toEqual(at('2024-05-14T13:59:59.999Z'));
    expect(notAfterNow(NOW, NOW)).toEqual(NOW);
  });

  it('takes the end of today (a plain day given today) as now', () =>
    expect(notAfterNow(parsePointInTime('2024-05-14'), NOW)).toEqual(NOW));

  it.each(['2024-05-14T14:00:00.001Z', '2024-05-15', '2030-01-01T00:00:00Z'])(
    'refuses %s, later than now, naming the argument',
    (value) =>
      expect(refusal(() => notAfterNow(parsePointInTime(value), NOW, 'until'))).toEqual({
        kind: 'INVALID',
        field: 'until',
      }),
  );

  it('refuses a day after today (UK)', () => {
    expect(notAfterToday('2024-05-14', NOW, 'effectiveOn')).toBe('2024-05-14');
    expect(refusal(() => notAfterToday('2024-05-15', NOW, 'effectiveOn'))).toEqual({
      kind: 'INVALID',
      field: 'effectiveOn',
    });
  });
});

describe('other points', () => {
  it('takes a board meeting as the end of its UK day, or now for one held today', () => {
    expect(boardMeetingPoint('2024-04-09', NOW).toISOString()).toBe('2024-04-09T22:59:59.999Z');
    expect(boardMeetingPoint('2024-05-14', NOW)).toEqual(NOW);
  });

  it('starts "since the plan was created" just before its first event', () =>
    expect(justBeforeCreation('2024-04-01T09:00:00.000Z').toISOString()).toBe('2024-04-01T08:59:59.999Z'));

  it('takes the effective day of a change from its effective date, else the UK day it was recorded', () => {
    expect(effectiveDayOf({ recordedAt: '2024-04-25T10:00:00.000Z', effectiveDate: '2024-04-23' })).toBe(
      '2024-04-23',
    );
    expect(effectiveDayOf({ recordedAt: '2024-04-25T23:30:00.000Z' })).toBe('2024-04-26');
    expect(effectiveDayOf({ recordedAt: '2024-01-10T23:30:00.000Z', effectiveDate: null })).toBe(
      '2024-01-10',
    );
  });
});
