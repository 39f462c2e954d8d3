import { it, expect } from '@jest/globals';
import PDFDocument from 'pdfkit';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
it('spike', async () => {
  const doc = new PDFDocument({ size: 'A4', margin: 40 });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((r) => doc.on('end', r));
  doc.font('Helvetica-Bold').fontSize(18).text('Isle of Wight Children’s Services — Plan');
  doc.end();
  await done;
  const buf = Buffer.concat(chunks);
  const pdf = await getDocument({ data: new Uint8Array(buf), standardFontDataUrl: 'node_modules/pdfjs-dist/standard_fonts/' }).promise;
  const t = await (await pdf.getPage(1)).getTextContent();
  expect(t.items.map((x) => ('str' in x ? x.str : '')).join('')).toContain('Isle');
});
