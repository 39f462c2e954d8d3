import { describe, expect, it } from '@jest/globals';
import type { TrendPoint } from '../domain/board-pack.js';
import { layoutTrendChart } from './trend-chart.js';

const point = (at: string, counts: Partial<TrendPoint> = {}): TrendPoint => {
  const base = { red: 0, amber: 0, green: 0, blue: 0, notRated: 0, ...counts };
  return { ...base, total: base.red + base.amber + base.green + base.blue + base.notRated, at, ...counts };
};
const monthly = (count: number) =>
  Array.from({ length: count }, (_, index) =>
    point(new Date(Date.UTC(2022, index, 1)).toISOString(), { amber: index }),
  );

describe('the RAG trend chart layout', () => {
  const trend = [
    point('2024-04-01T08:00:00.000Z', { amber: 2, green: 1, notRated: 1 }),
    point('2024-05-01T08:00:00.000Z', { amber: 3, green: 1 }),
    point('2024-05-14T22:59:59.999Z', { amber: 3, green: 1, notRated: 1 }),
  ];
  const chart = layoutTrendChart(trend, 640, 280);

  it('has a series per RAG status, in board order, each with a point per instant', () => {
    expect(chart.series.map((series) => [series.label, series.points.map((one) => one.count)])).toEqual([
      ['Red', [0, 0, 0]],
      ['Amber', [2, 3, 3]],
      ['Green', [1, 1, 1]],
      ['Blue', [0, 0, 0]],
      ['Not rated', [1, 0, 1]],
    ]);
  });

  it('places points by time from the left of the plot to its right, and counts from bottom to top', () => {
    const [first, second, last] = chart.series[1]!.points;
    expect(first!.x).toBe(chart.plot.left);
    expect(last!.x).toBe(chart.plot.right);
    const share =
      (Date.parse(trend[1]!.at) - Date.parse(trend[0]!.at)) /
      (Date.parse(trend[2]!.at) - Date.parse(trend[0]!.at));
    expect(second!.x).toBeCloseTo(chart.plot.left + share * (chart.plot.right - chart.plot.left));
    expect(last!.y).toBe(chart.plot.top);
    expect(chart.series[0]!.points[0]!.y).toBe(chart.plot.bottom);
  });

  it('labels the count axis in whole numbers up to the highest count', () => {
    expect(chart.yTicks.map((tick) => tick.label)).toEqual(['0', '1', '2', '3']);
    const big = layoutTrendChart([point('2024-01-01T00:00:00.000Z', { red: 23 })]);
    expect(big.yTicks.map((tick) => tick.label)).toEqual(['0', '5', '10', '15', '20', '25']);
  });

  it('dates a few points, evenly spread, without overlapping, always ending with the last', () => {
    expect(chart.xTicks.map((tick) => tick.label)).toEqual(['1 Apr 2024', '1 May 2024', '14 May 2024']);
    const long = layoutTrendChart(monthly(36));
    expect(long.xTicks.length).toBeLessThanOrEqual(8);
    expect(long.xTicks.at(-1)!.label).toBe('1 Dec 2024');
    long.xTicks
      .slice(1)
      .forEach((tick, index) => expect(tick.x - long.xTicks[index]!.x).toBeGreaterThanOrEqual(72));
  });

  it('puts a single point in the middle', () => {
    const one = layoutTrendChart([point('2024-04-01T08:00:00.000Z', { red: 1 })]);
    expect(one.series[0]!.points[0]!.x).toBe((one.plot.left + one.plot.right) / 2);
  });

  it('describes the chart in words for screen readers', () => {
    expect(chart.description).toBe(
      'Number of actions by RAG status, monthly, at 3 points from 1 Apr 2024 to 14 May 2024. ' +
        'Latest: 0 Red, 3 Amber, 1 Green, 0 Blue, 1 Not rated.',
    );
    expect(layoutTrendChart([]).description).toBe('No RAG history to show.');
  });
});
