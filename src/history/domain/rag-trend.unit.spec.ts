import { describe, expect, it } from '@jest/globals';
import { DomainError } from '../../plans/domain/errors.js';
import { MAX_TREND_POINTS, trendInstants, type TrendInterval } from './rag-trend.js';

const instants = (from: string, to: string, interval: TrendInterval) =>
  trendInstants(new Date(from), new Date(to), interval).map((at) => at.toISOString());

const rejection = (from: string, to: string, interval: TrendInterval) => {
  try {
    trendInstants(new Date(from), new Date(to), interval);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    const { kind, field } = error as DomainError;
    return { kind, field };
  }
  throw new Error('expected trendInstants to throw');
};

const DAY_MS = 24 * 60 * 60 * 1000;

describe('the instants of a RAG trend', () => {
  it('steps a day at a time, ending on `to` when it falls on a step', () =>
    expect(instants('2024-03-01T17:00:00.000Z', '2024-03-04T17:00:00.000Z', 'DAY')).toEqual([
      '2024-03-01T17:00:00.000Z',
      '2024-03-02T17:00:00.000Z',
      '2024-03-03T17:00:00.000Z',
      '2024-03-04T17:00:00.000Z',
    ]));

  it('steps a week at a time and appends `to` when the last step falls short of it', () =>
    expect(instants('2024-03-01T09:00:00.000Z', '2024-03-20T12:00:00.000Z', 'WEEK')).toEqual([
      '2024-03-01T09:00:00.000Z',
      '2024-03-08T09:00:00.000Z',
      '2024-03-15T09:00:00.000Z',
      '2024-03-20T12:00:00.000Z',
    ]));

  it('steps a month at a time, clamping the 31st to the end of shorter months (29 Feb in 2024)', () =>
    expect(instants('2024-01-31T12:00:00.000Z', '2024-05-31T12:00:00.000Z', 'MONTH')).toEqual([
      '2024-01-31T12:00:00.000Z',
      '2024-02-29T12:00:00.000Z',
      '2024-03-31T12:00:00.000Z',
      '2024-04-30T12:00:00.000Z',
      '2024-05-31T12:00:00.000Z',
    ]));

  it('clamps 31 January to 28 February in a year that is not a leap year', () =>
    expect(instants('2023-01-31T00:00:00.000Z', '2023-03-01T00:00:00.000Z', 'MONTH')).toEqual([
      '2023-01-31T00:00:00.000Z',
      '2023-02-28T00:00:00.000Z',
      '2023-03-01T00:00:00.000Z',
    ]));

  it('steps months across a year end', () =>
    expect(instants('2023-11-30T00:00:00.000Z', '2024-02-29T00:00:00.000Z', 'MONTH')).toEqual([
      '2023-11-30T00:00:00.000Z',
      '2023-12-30T00:00:00.000Z',
      '2024-01-30T00:00:00.000Z',
      '2024-02-29T00:00:00.000Z',
    ]));

  it('is the one instant when `from` equals `to`', () =>
    expect(instants('2024-04-23T12:00:00.000Z', '2024-04-23T12:00:00.000Z', 'WEEK')).toEqual([
      '2024-04-23T12:00:00.000Z',
    ]));

  it('is `from` and `to` when `to` comes before the first step', () =>
    expect(instants('2024-04-01T00:00:00.000Z', '2024-04-15T00:00:00.000Z', 'MONTH')).toEqual([
      '2024-04-01T00:00:00.000Z',
      '2024-04-15T00:00:00.000Z',
    ]));

  it('rejects `to` before `from`', () =>
    expect(rejection('2024-04-23T12:00:00.000Z', '2024-04-23T11:59:59.999Z', 'DAY')).toEqual({
      kind: 'INVALID',
      field: 'to',
    }));

  it(`allows ${MAX_TREND_POINTS} points`, () => {
    const from = Date.parse('2020-01-01T00:00:00.000Z');
    const to = new Date(from + (MAX_TREND_POINTS - 1) * DAY_MS).toISOString();
    expect(instants(new Date(from).toISOString(), to, 'DAY')).toHaveLength(MAX_TREND_POINTS);
  });

  it(`rejects a series of more than ${MAX_TREND_POINTS} points, naming the interval`, () => {
    const from = Date.parse('2020-01-01T00:00:00.000Z');
    const to = new Date(from + MAX_TREND_POINTS * DAY_MS).toISOString();
    expect(rejection(new Date(from).toISOString(), to, 'DAY')).toEqual({
      kind: 'INVALID',
      field: 'interval',
    });
  });

  it(`counts the closing point towards the ${MAX_TREND_POINTS}`, () => {
    const from = Date.parse('2020-01-01T00:00:00.000Z');
    const to = new Date(from + (MAX_TREND_POINTS - 1) * DAY_MS + 3_600_000).toISOString();
    expect(rejection(new Date(from).toISOString(), to, 'DAY')).toEqual({
      kind: 'INVALID',
      field: 'interval',
    });
  });

  it('rejects a daily series over decades quickly', () =>
    expect(rejection('1900-01-01T00:00:00.000Z', '2100-01-01T00:00:00.000Z', 'DAY')).toEqual({
      kind: 'INVALID',
      field: 'interval',
    }));
});
