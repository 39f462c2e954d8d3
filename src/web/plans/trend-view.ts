import type { RagSummary } from '../../plans/domain/rag.js';
import { formatInstant, formatShortDay, ragCountsText } from '../../reports/presentation/display.js';
import { layoutTrendChart, type TrendChart } from '../../reports/presentation/trend-chart.js';

export type TrendStep = 'WEEK' | 'MONTH';
export type TrendPoint = RagSummary & { readonly at: string };

const STEP_WORDS: Record<TrendStep, string> = { WEEK: 'weekly', MONTH: 'monthly' };

export interface TrendLine {
  readonly rag: string;
  readonly label: string;
  readonly colour: string;
  /** SVG stroke-dasharray: every line has its own, so colour is never the only difference. */
  readonly dashArray: string;
  /** SVG polyline points. */
  readonly points: string;
  readonly dots: readonly { readonly x: string; readonly y: string; readonly title: string }[];
}

export interface TrendView {
  readonly chart: Omit<TrendChart, 'series' | 'description' | 'legend'>;
  readonly lines: readonly TrendLine[];
  readonly legend: readonly {
    readonly x: number;
    readonly y: number;
    readonly label: string;
    readonly colour: string;
    readonly dashArray: string;
  }[];
  /** The chart in words (the SVG's <desc>); the table beside it has every number. */
  readonly description: string;
  readonly rows: readonly (TrendPoint & { readonly when: string })[];
  readonly caption: string;
}

const n = (value: number) => value.toFixed(1);
const dashArray = (dash: readonly number[]) => dash.join(' ') || 'none';

/**
 * The RAG trend page's chart and table from the API's series. The geometry is the board pack's own
 * (layoutTrendChart), so the page and the printed pack draw the same chart; the words say which
 * interval the points are at.
 */
export function trendView(trend: readonly TrendPoint[], step: TrendStep, planTitle: string): TrendView {
  const { series, legend, description: _monthlyWords, ...chart } = layoutTrendChart(trend, 640, 300);
  const first = trend[0];
  const latest = trend.at(-1);
  const span =
    first && latest
      ? `${trend.length} ${trend.length === 1 ? 'point' : 'points'} from ${formatShortDay(first.at)} to ${formatShortDay(latest.at)}`
      : 'no points';
  return {
    chart,
    lines: series.map((line) => ({
      rag: line.rag,
      label: line.label,
      colour: line.colour,
      dashArray: dashArray(line.dash),
      points: line.points.map((point) => `${n(point.x)},${n(point.y)}`).join(' '),
      dots: line.points.map((point) => ({
        x: n(point.x),
        y: n(point.y),
        title: `${line.label}: ${point.count} on ${formatShortDay(point.at)}`,
      })),
    })),
    legend: legend.map(({ x, y, series: line }) => ({
      x,
      y,
      label: line.label,
      colour: line.colour,
      dashArray: dashArray(line.dash),
    })),
    description: latest
      ? `Number of actions by RAG status, ${STEP_WORDS[step]}, at ${span}. Latest: ${ragCountsText(latest)}.`
      : 'No RAG history to show.',
    rows: trend.map((point) => ({ ...point, when: formatInstant(point.at) })),
    caption: `RAG counts of ${planTitle}, ${STEP_WORDS[step]}`,
  };
}
