import { describe, expect, it } from '@jest/globals';
import { readTrendChoice } from './trend-choice.js';
import { trendView, type TrendPoint } from './trend-view.js';

const point = (at: string, counts: Partial<TrendPoint> = {}): TrendPoint => {
  const base = { red: 0, amber: 0, green: 0, blue: 0, notRated: 0, ...counts };
  return { ...base, total: base.red + base.amber + base.green + base.blue + base.notRated, at };
};

const trend = [
  point('2024-04-01T08:00:00.000Z', { notRated: 4 }),
  point('2024-04-08T08:00:00.000Z', { amber: 3, notRated: 1 }),
  point('2024-04-12T15:30:00.000Z', { red: 1, amber: 2, green: 1 }),
];

describe('the RAG trend page’s chart and table', () => {
  const view = trendView(trend, 'WEEK', 'Isle of Wight plan');

  it('draws a line per RAG status, each with its own dash as well as its colour', () => {
    expect(view.lines.map((line) => [line.label, line.dashArray])).toEqual([
      ['Red', 'none'],
      ['Amber', '7 3'],
      ['Green', '2 2'],
      ['Blue', '9 3 2 3'],
      ['Not rated', '1 3'],
    ]);
    expect(new Set(view.lines.map((line) => line.colour)).size).toBe(5);
    expect(view.legend.map((item) => [item.label, item.dashArray])).toEqual(
      view.lines.map((line) => [line.label, line.dashArray]),
    );
  });

  it('puts each point on its line, later to the right and more actions higher', () => {
    const amber = view.lines.find((line) => line.rag === 'AMBER')!;
    const [first, second, third] = amber.dots.map((dot) => [Number(dot.x), Number(dot.y)]) as [
      [number, number],
      [number, number],
      [number, number],
    ];
    expect(first[0]).toBeLessThan(second[0]);
    expect(second[0]).toBeLessThan(third[0]);
    expect(second[1]).toBeLessThan(third[1]);
    expect(third[1]).toBeLessThan(first[1]);
    expect(amber.points.split(' ')).toHaveLength(3);
    expect(amber.dots[1]!.title).toBe('Amber: 3 on 8 Apr 2024');
  });

  it('says in words which interval, how many points and the latest counts', () => {
    expect(view.description).toBe(
      'Number of actions by RAG status, weekly, at 3 points from 1 Apr 2024 to 12 Apr 2024. ' +
        'Latest: 1 Red, 2 Amber, 1 Green, 0 Blue, 0 Not rated.',
    );
    expect(trendView(trend, 'MONTH', 'Plan').description).toMatch(/, monthly, /);
    expect(trendView([], 'MONTH', 'Plan').description).toBe('No RAG history to show.');
  });

  it('has a table row with the same numbers for every point, with its UK time', () => {
    expect(
      view.rows.map((row) => [row.when, row.red, row.amber, row.green, row.notRated, row.total]),
    ).toEqual([
      ['1 Apr 2024, 09:00', 0, 0, 0, 4, 4],
      ['8 Apr 2024, 09:00', 0, 3, 0, 1, 4],
      ['12 Apr 2024, 16:30', 1, 2, 1, 0, 4],
    ]);
    expect(view.caption).toBe('RAG counts of Isle of Wight plan, weekly');
  });
});

describe('the trend page’s form', () => {
  const NOW = new Date('2024-07-14T12:00:00.000Z');

  it('is monthly since the plan was created unless asked otherwise', () => {
    expect(readTrendChoice({}, NOW)).toMatchObject({ ok: true, from: null, fields: { interval: 'MONTH' } });
    expect(readTrendChoice({ interval: 'WEEK' }, NOW)).toMatchObject({ fields: { interval: 'WEEK' } });
    expect(readTrendChoice({ interval: 'DAY' }, NOW)).toMatchObject({ fields: { interval: 'MONTH' } });
  });

  it('starts a chosen day at its first moment, UK time', () => {
    expect(readTrendChoice({ fromDay: '1', fromMonth: '4', fromYear: '2024' }, NOW)).toMatchObject({
      ok: true,
      from: '2024-04-01T00:00:00+01:00',
    });
  });

  it('refuses a start that is not a real day, or is after today', () => {
    expect(readTrendChoice({ fromDay: '1', fromYear: '2024' }, NOW)).toMatchObject({
      ok: false,
      errors: [{ text: 'The date must include a month', href: '#from-month' }],
    });
    expect(readTrendChoice({ fromDay: '15', fromMonth: '7', fromYear: '2024' }, NOW)).toMatchObject({
      ok: false,
      errors: [{ text: 'The date must be today or in the past', href: '#from-day' }],
    });
  });
});
