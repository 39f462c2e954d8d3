import PDFDocument from 'pdfkit';

/*
 * A4 page, margins and text helpers for the board pack PDF. It uses the PDF standard fonts
 * (nothing to embed or ship), which cover the Windows-1252 characters only: see `pdfText`.
 */

export type Pdf = PDFKit.PDFDocument;

export const MARGIN = 40;
export const FONT = 'Helvetica';
export const BOLD = 'Helvetica-Bold';
export const ITALIC = 'Helvetica-Oblique';
export const BODY_SIZE = 9;

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

/** Starts a new page unless `height` more points fit on this one (keeps a heading with what follows). */
export function ensureSpace(doc: Pdf, height: number): void {
  if (doc.y + height > pageBottom(doc)) doc.addPage();
}

export function heading(doc: Pdf, text: string, level: 1 | 2 | 3 = 2): void {
  const size = { 1: 17, 2: 13, 3: 10.5 }[level];
  ensureSpace(doc, size * 2 + 50);
  if (level === 2) doc.moveDown(0.6);
  doc
    .font(BOLD)
    .fontSize(size)
    .fillColor('#1a1a1a')
    .text(pdfText(text), doc.page.margins.left, doc.y, { width: contentWidth(doc) });
  if (level === 2) {
    const y = doc.y + 1;
    doc
      .moveTo(doc.page.margins.left, y)
      .lineTo(doc.page.width - doc.page.margins.right, y)
      .lineWidth(1)
      .stroke('#1a1a1a');
  }
  doc.moveDown(level === 1 ? 0.3 : 0.4);
}

export function paragraph(doc: Pdf, text: string, font = FONT): void {
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

/** Windows-1252's characters above ASCII: what the standard fonts can draw beyond Latin-1. */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const ARROWS: Record<string, string> = { '→': '->', '←': '<-', '✓': 'v', '✔': 'v', '−': '-' };

const drawable = (char: string) => {
  const code = char.codePointAt(0)!;
  return (
    code === 10 ||
    (code >= 0x20 && code <= 0x7e) ||
    (code >= 0xa0 && code <= 0xff) ||
    WIN_ANSI_EXTRA.has(char)
  );
};

/**
 * Text the standard fonts can draw: accents outside Windows-1252 are dropped (Ł stays unknown),
 * other characters become "?", rather than the wrong glyphs pdfkit would otherwise print.
 */
export function pdfText(text: string): string {
  let out = '';
  for (const char of text.replace(/\r\n?/g, '\n').replace(/\t/g, ' ')) {
    if (drawable(char)) out += char;
    else if (ARROWS[char]) out += ARROWS[char];
    else {
      const plain = char.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
      out += plain.length > 0 && [...plain].every(drawable) ? plain : '?';
    }
  }
  return out;
}
