import type { RagStatus } from '../../plans/domain/rag.js';
import type { TrendPoint } from '../domain/board-pack.js';
import { formatShortDay, RAG_ORDER, RAG_STYLE, ragCountsText } from './display.js';

/*
 * The RAG trend chart's geometry, computed once from the series and drawn by both renderers (SVG
 * and PDF), so the two charts cannot disagree. Coordinates grow rightwards and downwards.
 */

export interface ChartPoint {
  readonly x: number;
  readonly y: number;
  readonly count: number;
  readonly at: string;
}

export interface ChartSeries {
  readonly rag: RagStatus;
  readonly label: string;
  readonly colour: string;
  readonly dash: readonly number[];
  readonly points: readonly ChartPoint[];
}

export interface TrendChart {
  readonly width: number;
  readonly height: number;
  readonly plot: {
    readonly left: number;
    readonly top: number;
    readonly right: number;
    readonly bottom: number;
  };
  readonly yTicks: readonly { y: number; label: string }[];
  readonly xTicks: readonly { x: number; label: string }[];
  readonly series: readonly ChartSeries[];
  readonly legend: readonly { x: number; y: number; series: ChartSeries }[];
  /** The chart in words, for screen readers and for anyone the colours fail. */
  readonly description: string;
}

const MAX_X_LABELS = 7;
const Y_STEPS = 5;

export function layoutTrendChart(trend: readonly TrendPoint[], width = 640, height = 280): TrendChart {
  const plot = { left: 44, top: 12, right: width - 40, bottom: height - 64 };
  const times = trend.map((point) => Date.parse(point.at));
  const [first, last] = [times[0] ?? 0, times.at(-1) ?? 0];
  const xOf = (time: number) =>
    last === first
      ? (plot.left + plot.right) / 2
      : plot.left + ((time - first) / (last - first)) * (plot.right - plot.left);
  const highest = Math.max(
    1,
    ...trend.map((point) => Math.max(...RAG_ORDER.map(({ count }) => point[count]))),
  );
  const step = Math.ceil(highest / Y_STEPS);
  const yMax = step * Math.ceil(highest / step);
  const yOf = (count: number) => plot.bottom - (count / yMax) * (plot.bottom - plot.top);
  const series = RAG_ORDER.map(({ rag, count }) => ({
    rag,
    label: RAG_STYLE[rag].label,
    colour: RAG_STYLE[rag].line,
    dash: RAG_STYLE[rag].dash,
    points: trend.map((point, index) => ({
      x: xOf(times[index]!),
      y: yOf(point[count]),
      count: point[count],
      at: point.at,
    })),
  }));
  const yTicks = [];
  for (let value = 0; value <= yMax; value += step) yTicks.push({ y: yOf(value), label: String(value) });
  const legendWidth = (plot.right - plot.left) / series.length;
  return {
    width,
    height,
    plot,
    yTicks,
    xTicks: spaced(
      labelledIndexes(trend.length).map((index) => ({
        x: xOf(times[index]!),
        label: formatShortDay(trend[index]!.at),
      })),
    ),
    series,
    legend: series.map((one, index) => ({ x: plot.left + index * legendWidth, y: height - 14, series: one })),
    description: describeTrend(trend),
  };
}

/** Which points get a date under the axis: all when few, else evenly spread, always the last. */
function labelledIndexes(count: number): number[] {
  if (count <= MAX_X_LABELS) return [...Array(count).keys()];
  const every = Math.ceil(count / MAX_X_LABELS);
  const indexes = [...Array(count).keys()].filter((index) => index % every === 0);
  if (count - 1 - indexes.at(-1)! < every / 2) indexes.pop();
  return [...indexes, count - 1];
}

/** Room for a date such as "30 Sept 2024" under the axis. */
const LABEL_WIDTH = 72;

/** Drops dates that would overlap the next one kept, keeping the last ("as at"). */
function spaced(ticks: { x: number; label: string }[]): { x: number; label: string }[] {
  const kept: { x: number; label: string }[] = [];
  for (const tick of [...ticks].reverse()) {
    if (kept.length === 0 || kept.at(-1)!.x - tick.x >= LABEL_WIDTH) kept.push(tick);
  }
  return kept.reverse();
}

function describeTrend(trend: readonly TrendPoint[]): string {
  const latest = trend.at(-1);
  if (!latest) return 'No RAG history to show.';
  const span = `${trend.length} ${trend.length === 1 ? 'point' : 'points'} from ${formatShortDay(trend[0]!.at)} to ${formatShortDay(latest.at)}`;
  return `Number of actions by RAG status, monthly, at ${span}. Latest: ${ragCountsText(latest)}.`;
}
