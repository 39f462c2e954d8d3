import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/* Reading a PDF back in tests with pdfjs (Mozilla's PDF reader): pages, and the text on each. */

const PDFJS = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

export interface PdfTextItem {
  readonly text: string;
  /** Distance from the bottom of the page, in points. */
  readonly y: number;
}

export interface PdfPages {
  readonly count: number;
  readonly title: string | undefined;
  /** Each page's text runs, in drawing order. */
  readonly pages: readonly PdfTextItem[][];
  /** All text, pages joined, runs separated by a space. */
  readonly text: string;
}

export async function readPdf(bytes: Buffer): Promise<PdfPages> {
  const pdf = await getDocument({
    data: new Uint8Array(bytes),
    standardFontDataUrl: join(PDFJS, 'standard_fonts/'),
    verbosity: 0,
  }).promise;
  try {
    const pages: PdfTextItem[][] = [];
    for (let number = 1; number <= pdf.numPages; number += 1) {
      const content = await (await pdf.getPage(number)).getTextContent();
      pages.push(
        content.items.flatMap((item) =>
          'str' in item && item.str.trim() ? [{ text: item.str, y: item.transform[5] as number }] : [],
        ),
      );
    }
    const { info } = (await pdf.getMetadata()) as { info: { Title?: string } };
    const text = pages.map((page) => page.map((item) => item.text).join(' ')).join('\n');
    return { count: pdf.numPages, title: info.Title, pages, text };
  } finally {
    await pdf.destroy();
  }
}
