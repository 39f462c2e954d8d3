import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

/*
 * A4 page, margins, fonts and text helpers for the board pack PDF. The text font is DejaVu Sans
 * Condensed from the npm package dejavu-fonts-ttf, embedded (as the subset used): it draws Latin,
 * Greek and Cyrillic letters, arrows and ticks as written, where the PDF standard fonts knew only
 * Windows-1252 and printed the rest as "?".
 */

export type Pdf = PDFKit.PDFDocument;

export const MARGIN = 40;
export const FONT = 'Text';
export const BOLD = 'Text-Bold';
export const ITALIC = 'Text-Italic';
export const BODY_SIZE = 9;

const FONT_FILES: Record<string, string> = {
  [FONT]: 'DejaVuSansCondensed.ttf',
  [BOLD]: 'DejaVuSansCondensed-Bold.ttf',
  [ITALIC]: 'DejaVuSansCondensed-Oblique.ttf',
};

let fonts: Record<string, Buffer> | undefined;

/** Read once: every pack embeds the same three files. */
function fontFiles(): Record<string, Buffer> {
  if (!fonts) {
    const require = createRequire(import.meta.url);
    const read = (file: string) => readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}`));
    fonts = Object.fromEntries(Object.entries(FONT_FILES).map(([name, file]) => [name, read(file)]));
  }
  return fonts;
}

/** A new A4 document, and its bytes once it is ended. */
export function openPdf(title: string): { doc: Pdf; bytes: Promise<Buffer> } {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    lang: 'en-GB',
    displayTitle: true,
    info: { Title: pdfText(title), Subject: 'Improvement plan board pack' },
  });
  for (const [name, file] of Object.entries(fontFiles())) doc.registerFont(name, file);
  doc.font(FONT);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const bytes = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, bytes };
}

export const contentWidth = (doc: Pdf) => doc.page.width - doc.page.margins.left - doc.page.margins.right;
export const pageBottom = (doc: Pdf) => doc.page.height - doc.page.margins.bottom;
export const pageTop = (doc: Pdf) => doc.page.margins.top;

/** A heading or a heading's note, held back until what follows it is drawn (see keepWithNext). */
interface Lead {
  height(doc: Pdf): number;
  draw(doc: Pdf): void;
}

const leads = new WeakMap<Pdf, Lead[]>();

/**
 * Draws the headings (and notes under them) waiting for the block that follows, on a new page
 * unless they fit on this one together with `height` points of that block (its first row): a
 * heading never stands alone at the foot of a page.
 */
export function keepWithNext(doc: Pdf, height: number): void {
  const waiting = leads.get(doc) ?? [];
  leads.delete(doc);
  const needed = waiting.reduce((sum, lead) => sum + lead.height(doc), 0) + height;
  if (doc.y + needed > pageBottom(doc) && doc.y > pageTop(doc)) doc.addPage();
  waiting.forEach((lead) => lead.draw(doc));
}

const HEADING_SIZE = { 1: 17, 2: 13, 3: 10.5 } as const;

export function heading(doc: Pdf, text: string, level: 1 | 2 | 3 = 2): void {
  const size = HEADING_SIZE[level];
  const lineHeight = () => doc.font(BOLD).fontSize(size).currentLineHeight(true);
  const after = level === 1 ? 0.3 : 0.4;
  const before = level === 2 ? 0.6 : 0;
  const textHeight = () =>
    doc
      .font(BOLD)
      .fontSize(size)
      .heightOfString(pdfText(text), { width: contentWidth(doc) });
  lead(doc, {
    height: () => (before + after) * lineHeight() + textHeight() + 2,
    draw: () => {
      doc.font(BOLD).fontSize(size).fillColor('#1a1a1a');
      if (before > 0) doc.moveDown(before);
      doc.text(pdfText(text), doc.page.margins.left, doc.y, { width: contentWidth(doc) });
      if (level === 2) {
        const y = doc.y + 1;
        doc
          .moveTo(doc.page.margins.left, y)
          .lineTo(doc.page.width - doc.page.margins.right, y)
          .lineWidth(1)
          .stroke('#1a1a1a');
      }
      doc.moveDown(after);
    },
  });
}

/** A paragraph that explains the heading above it: it stays with the heading and what follows. */
export function note(doc: Pdf, text: string): void {
  lead(doc, { height: () => paragraphHeight(doc, text, FONT), draw: () => writeParagraph(doc, text, FONT) });
}

function lead(doc: Pdf, item: Lead): void {
  leads.set(doc, [...(leads.get(doc) ?? []), item]);
}

export function paragraph(doc: Pdf, text: string, font = FONT): void {
  // A long paragraph may flow over pages; a heading needs only its first lines to follow it.
  keepWithNext(doc, Math.min(paragraphHeight(doc, text, font), 3 * BODY_SIZE * 1.2));
  writeParagraph(doc, text, font);
}

function paragraphHeight(doc: Pdf, text: string, font: string): number {
  doc.font(font).fontSize(BODY_SIZE);
  return doc.heightOfString(pdfText(text), { width: contentWidth(doc) }) + 0.3 * doc.currentLineHeight(true);
}

function writeParagraph(doc: Pdf, text: string, font: string): void {
  doc
    .font(font)
    .fontSize(BODY_SIZE)
    .fillColor('#1a1a1a')
    .text(pdfText(text), doc.page.margins.left, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.3);
}

/** Dash pattern of a line; pdfkit takes an array of lengths, though its types say one number. */
export function setDash(doc: Pdf, pattern: readonly number[]): void {
  if (pattern.length === 0) doc.undash();
  else (doc.dash as unknown as (lengths: number[], options: object) => Pdf).call(doc, [...pattern], {});
}

/** "Page 2 of 5" and the plan on every page, written once all pages exist. */
export function pageFooters(doc: Pdf, text: string): void {
  const { start, count } = doc.bufferedPageRange();
  for (let index = start; index < start + count; index += 1) {
    doc.switchToPage(index);
    const bottomMargin = doc.page.margins.bottom;
    // Writing inside the bottom margin would make pdfkit start a page: lift the margin meanwhile.
    doc.page.margins.bottom = 0;
    doc
      .font(FONT)
      .fontSize(7.5)
      .fillColor('#555555')
      .text(`${pdfText(text)}  |  Page ${index + 1} of ${count}`, MARGIN, doc.page.height - MARGIN / 2 - 6, {
        width: contentWidth(doc),
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins.bottom = bottomMargin;
  }
}

/** Text as the PDF draws it: one kind of line break, tabs as spaces, accents composed (NFC). */
export function pdfText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/\t/g, ' ').normalize('NFC');
}
