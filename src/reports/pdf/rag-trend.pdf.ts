import type { TrendPoint } from '../domain/board-pack.js';
import { layoutTrendChart, type TrendChart } from '../presentation/trend-chart.js';
import { contentWidth, FONT, keepWithNext, paragraph, pdfText, setDash, type Pdf } from './pdf-document.js';

const CHART_HEIGHT = 250;

/** The same chart as the HTML's SVG, from the same layout, drawn with pdfkit's vector primitives. */
export function drawRagTrend(doc: Pdf, trend: readonly TrendPoint[]): void {
  const chart = layoutTrendChart(trend, contentWidth(doc), CHART_HEIGHT);
  keepWithNext(doc, CHART_HEIGHT + 40);
  const origin = { x: doc.page.margins.left, y: doc.y };
  doc.save().translate(origin.x, origin.y);
  drawAxes(doc, chart);
  drawSeries(doc, chart);
  drawLegend(doc, chart);
  doc.restore();
  doc.x = origin.x;
  doc.y = origin.y + CHART_HEIGHT + 6;
  paragraph(doc, chart.description);
}

function drawAxes(doc: Pdf, { plot, yTicks, xTicks }: TrendChart): void {
  doc.font(FONT).fontSize(7.5).lineWidth(0.5);
  for (const { y, label } of yTicks) {
    doc.moveTo(plot.left, y).lineTo(plot.right, y).stroke('#d9d9d9');
    doc
      .fillColor('#1a1a1a')
      .text(label, 0, y - 3.5, { width: plot.left - 6, align: 'right', lineBreak: false });
  }
  doc.lineWidth(1);
  doc.moveTo(plot.left, plot.bottom).lineTo(plot.right, plot.bottom).stroke('#1a1a1a');
  doc.moveTo(plot.left, plot.top).lineTo(plot.left, plot.bottom).stroke('#1a1a1a');
  for (const { x, label } of xTicks) {
    doc
      .fillColor('#1a1a1a')
      .text(label, x - 40, plot.bottom + 6, { width: 80, align: 'center', lineBreak: false });
  }
  doc.save().rotate(-90, { origin: [8, (plot.top + plot.bottom) / 2] });
  doc.text('Actions', 8 - 30, (plot.top + plot.bottom) / 2 - 4, {
    width: 60,
    align: 'center',
    lineBreak: false,
  });
  doc.restore();
}

function drawSeries(doc: Pdf, { series }: TrendChart): void {
  for (const line of series) {
    const [first, ...rest] = line.points;
    if (!first) continue;
    doc.lineWidth(1.5);
    setDash(doc, line.dash);
    doc.moveTo(first.x, first.y);
    rest.forEach((point) => doc.lineTo(point.x, point.y));
    doc.stroke(line.colour);
    doc.undash();
    line.points.forEach((point) => doc.circle(point.x, point.y, 2.2).fill(line.colour));
  }
}

function drawLegend(doc: Pdf, { legend }: TrendChart): void {
  doc.font(FONT).fontSize(8);
  for (const { x, y, series } of legend) {
    doc.lineWidth(1.5);
    setDash(doc, series.dash);
    doc
      .moveTo(x, y - 4)
      .lineTo(x + 26, y - 4)
      .stroke(series.colour);
    doc.undash();
    doc.circle(x + 13, y - 4, 2.2).fill(series.colour);
    doc.fillColor('#1a1a1a').text(pdfText(series.label), x + 32, y - 7.5, { lineBreak: false });
  }
}
