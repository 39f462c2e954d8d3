import type { TrendPoint } from '../domain/board-pack.js';
import { formatShortDay } from '../presentation/display.js';
import { layoutTrendChart, type ChartSeries, type TrendChart } from '../presentation/trend-chart.js';
import { markup, type SafeHtml } from './escape.js';

const n = (value: number) => value.toFixed(1);
const dashes = (series: ChartSeries) => series.dash.join(' ') || 'none';

/** The RAG trend as inline SVG: a line per RAG status (each with its own dash), axes, a legend. */
export function ragTrendSvg(trend: readonly TrendPoint[], planTitle: string): SafeHtml {
  const chart = layoutTrendChart(trend);
  const { width, height } = chart;
  return markup`<svg class="trend" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="rag-trend-title rag-trend-desc">
<title id="rag-trend-title">RAG trend of ${planTitle}</title>
<desc id="rag-trend-desc">${chart.description}</desc>
${axes(chart)}
${chart.series.map(line)}
${legend(chart)}
</svg>`;
}

function axes({ plot, yTicks, xTicks }: TrendChart): SafeHtml {
  const middle = n((plot.top + plot.bottom) / 2);
  return markup`<g class="axes" font-size="11" fill="#1a1a1a">
${yTicks.map(
  ({
    y,
    label,
  }) => markup`<line x1="${plot.left}" x2="${plot.right}" y1="${n(y)}" y2="${n(y)}" stroke="#d9d9d9"/>
<text x="${plot.left - 6}" y="${n(y + 4)}" text-anchor="end">${label}</text>
`,
)}<line x1="${plot.left}" x2="${plot.right}" y1="${plot.bottom}" y2="${plot.bottom}" stroke="#1a1a1a"/>
<line x1="${plot.left}" x2="${plot.left}" y1="${plot.top}" y2="${plot.bottom}" stroke="#1a1a1a"/>
${xTicks.map(
  ({ x, label }) => markup`<text x="${n(x)}" y="${plot.bottom + 16}" text-anchor="middle">${label}</text>
`,
)}<text transform="translate(12 ${middle}) rotate(-90)" text-anchor="middle">Actions</text>
</g>`;
}

function line(series: ChartSeries): SafeHtml {
  const points = series.points.map((point) => `${n(point.x)},${n(point.y)}`).join(' ');
  return markup`<g class="series" data-rag="${series.rag}">
<polyline points="${points}" fill="none" stroke="${series.colour}" stroke-width="2" stroke-dasharray="${dashes(series)}"/>
${series.points.map(
  (
    point,
  ) => markup`<circle cx="${n(point.x)}" cy="${n(point.y)}" r="3" fill="${series.colour}"><title>${series.label}: ${point.count} on ${formatShortDay(point.at)}</title></circle>
`,
)}</g>
`;
}

function legend({ legend }: TrendChart): SafeHtml {
  return markup`<g class="legend" font-size="11" fill="#1a1a1a">
${legend.map(
  ({
    x,
    y,
    series,
  }) => markup`<line x1="${n(x)}" x2="${n(x + 26)}" y1="${y - 4}" y2="${y - 4}" stroke="${series.colour}" stroke-width="2" stroke-dasharray="${dashes(series)}"/>
<circle cx="${n(x + 13)}" cy="${y - 4}" r="3" fill="${series.colour}"/>
<text x="${n(x + 32)}" y="${y}">${series.label}</text>
`,
)}</g>`;
}
