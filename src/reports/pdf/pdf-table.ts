import type { RagStatus } from '../../plans/domain/rag.js';
import { RAG_STYLE } from '../presentation/display.js';
import {
  BODY_SIZE,
  BOLD,
  contentWidth,
  FONT,
  ITALIC,
  keepWithNext,
  pageBottom,
  pageTop,
  pdfText,
  type Pdf,
} from './pdf-document.js';

export interface Column {
  readonly header: string;
  /** Share of the page's content width; a table's shares add up to 1. */
  readonly share: number;
  readonly align?: 'left' | 'right';
}

/** Plain text, a RAG badge, or text set apart (bold, or italic for "none"/"no owner"). */
export type Cell =
  string | { readonly rag: RagStatus } | { readonly text: string; readonly style: 'bold' | 'italic' };

const PAD = 3.5;
const SIZE = BODY_SIZE - 0.5;
const BADGE_HEIGHT = SIZE + 4;

const fontOf = (cell: Cell) =>
  typeof cell === 'string' || 'rag' in cell ? FONT : cell.style === 'bold' ? BOLD : ITALIC;
const textOf = (cell: Cell) => pdfText(typeof cell === 'string' ? cell : 'rag' in cell ? '' : cell.text);

/**
 * Draws a table that flows over pages: a row that does not fit starts a new page, under the header
 * again, so no row is cut in two. A row taller than a whole page is clipped with an ellipsis. The
 * heading above the table stays with its header and first row.
 */
export function drawTable(doc: Pdf, columns: readonly Column[], rows: readonly (readonly Cell[])[]): void {
  const left = doc.page.margins.left;
  const widths = columns.map((column) => column.share * contentWidth(doc));
  const headers: Cell[] = columns.map((column) => ({ text: column.header, style: 'bold' }));
  const headerHeight = rowHeight(doc, headers, widths);
  const tallest = pageBottom(doc) - pageTop(doc) - headerHeight;
  keepWithNext(doc, headerHeight + Math.min(rowHeight(doc, rows[0] ?? [], widths), tallest));
  let y = doc.y;
  const drawHeader = () => {
    drawRow(doc, { cells: headers, widths, columns, left, y, height: headerHeight, shade: '#efefef' });
    y += headerHeight;
  };
  if (y + headerHeight + Math.min(rowHeight(doc, rows[0] ?? [], widths), tallest) > pageBottom(doc)) {
    doc.addPage();
    y = doc.y;
  }
  drawHeader();
  for (const cells of rows) {
    const height = Math.min(rowHeight(doc, cells, widths), tallest);
    if (y + height > pageBottom(doc)) {
      doc.addPage();
      y = doc.y;
      drawHeader();
    }
    drawRow(doc, { cells, widths, columns, left, y, height });
    y += height;
  }
  doc.x = left;
  doc.y = y + 8;
}

function rowHeight(doc: Pdf, cells: readonly Cell[], widths: readonly number[]): number {
  const heights = cells.map((cell, index) => {
    if (typeof cell !== 'string' && 'rag' in cell) return BADGE_HEIGHT;
    return doc
      .font(fontOf(cell))
      .fontSize(SIZE)
      .heightOfString(textOf(cell), { width: widths[index]! - 2 * PAD });
  });
  return Math.ceil(Math.max(SIZE, ...heights) + 2 * PAD);
}

interface RowLayout {
  readonly cells: readonly Cell[];
  readonly widths: readonly number[];
  readonly columns: readonly Column[];
  readonly left: number;
  readonly y: number;
  readonly height: number;
  readonly shade?: string;
}

function drawRow(doc: Pdf, { cells, widths, columns, left, y, height, shade }: RowLayout): void {
  let x = left;
  cells.forEach((cell, index) => {
    const width = widths[index]!;
    if (shade) doc.rect(x, y, width, height).fill(shade);
    doc.lineWidth(0.5).rect(x, y, width, height).stroke('#8c8c8c');
    if (typeof cell !== 'string' && 'rag' in cell)
      drawBadge(doc, cell.rag, x + PAD, y + PAD, width - 2 * PAD);
    else {
      doc
        .font(fontOf(cell))
        .fontSize(SIZE)
        .fillColor(typeof cell !== 'string' && cell.style === 'italic' ? '#444444' : '#1a1a1a')
        .text(textOf(cell), x + PAD, y + PAD, {
          width: width - 2 * PAD,
          height: height - 2 * PAD,
          ellipsis: true,
          align: columns[index]?.align ?? 'left',
        });
    }
    x += width;
  });
}

/** A coloured box that also says the status in words. */
function drawBadge(doc: Pdf, rag: RagStatus, x: number, y: number, width: number): void {
  const style = RAG_STYLE[rag];
  doc.lineWidth(0.5).rect(x, y, width, BADGE_HEIGHT).fillAndStroke(style.fill, '#1a1a1a');
  doc
    .font(BOLD)
    .fontSize(SIZE - 0.5)
    .fillColor(style.ink)
    .text(style.label, x, y + 3, { width, align: 'center', lineBreak: false });
}
