import { describe, expect, it } from '@jest/globals';
import { BOARD_HISTORY, mayBoardPack } from '../../../test/support/board-pack-fixture.js';
import { recorded } from '../../../test/support/decider-spec.js';
import { readPdf } from '../../../test/support/pdf-text.js';
import { actionAdded } from '../../../test/support/plan-builders.js';
import { boardPackPdf } from './board-pack.pdf.js';
import { pdfText } from './pdf-document.js';

const LONG_TEXT =
  'Audit a sample of assessments each month and feed findings back to teams and managers. '.repeat(4);

/** Forty more actions with long descriptions, marked at both ends, so the themes table spans pages. */
const longPlan = () =>
  mayBoardPack([
    ...BOARD_HISTORY,
    ...Array.from({ length: 40 }, (_, index) =>
      recorded(
        actionAdded({
          actionId: `action-3-${index + 1}`,
          ref: `3.${index + 1}`,
          description: `START-3-${index + 1} ${LONG_TEXT}END-3-${index + 1}`,
        }),
        { recordedAt: '2024-05-02T09:00:00.000Z' },
      ),
    ),
  ]);

const pageOf = (pages: readonly { text: string }[][], marker: string) =>
  pages.findIndex((page) => page.some((item) => item.text.includes(marker)));

describe('the board pack PDF', () => {
  it('is a PDF with the plan title, the sections and the actions', async () => {
    const bytes = await boardPackPdf(mayBoardPack());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pdf = await readPdf(bytes);
    expect(pdf.count).toBeGreaterThanOrEqual(1);
    expect(pdf.title).toBe('Board pack: Isle of Wight ILACS improvement plan');
    for (const words of [
      'Isle of Wight ILACS improvement plan',
      'For the May board on 14 May 2024',
      'RAG summary',
      'At the April board (9 April 2024)',
      'Actions by theme',
      '1. Caseloads',
      'Changes since the April board (9 April 2024)',
      '- Recruitment stalled',
      'Workshops planned for May.',
      'Overdue actions',
      'Due by April 2024 (ended 30 April',
      'Stale actions: no progress note in the last 42 days',
      'RAG trend',
      'Latest: 0 Red, 3 Amber, 1 Green, 0',
      `Page 1 of ${pdf.count}`,
    ]) {
      expect(pdf.text).toContain(words);
    }
    for (const ref of ['1.1', '1.2', '1.10', '2.1', '2.2', '(no owner)', 'Not rated', 'Amber']) {
      expect(pdf.pages.flat().map((item) => item.text)).toContain(ref);
    }
  });

  it('runs a long plan over several pages without cutting a row in two', async () => {
    const pdf = await readPdf(await boardPackPdf(longPlan()));
    expect(pdf.count).toBeGreaterThan(3);
    for (let index = 1; index <= 40; index += 1) {
      const start = pageOf(pdf.pages, `START-3-${index}`);
      expect({ index, end: pageOf(pdf.pages, `END-3-${index}`) }).toEqual({ index, end: start });
    }
    // Only the themes table has whole descriptions; other lists cut them short.
    const pagesWithActions = pdf.pages.filter((page) => page.some((item) => item.text.includes('END-3-')));
    expect(pagesWithActions.length).toBeGreaterThan(1);
    for (const page of pagesWithActions) {
      expect(page.map((item) => item.text)).toContain('Latest progress');
    }
    pdf.pages.forEach((page, index) =>
      expect(page.at(-1)!.text).toContain(`Page ${index + 1} of ${pdf.count}`),
    );
  });

  it('keeps text the standard fonts can draw and marks what they cannot', () => {
    expect(pdfText('Children’s café – “SLA” €5 … 1.1 → 1.2')).toBe('Children’s café – “SLA” €5 … 1.1 -> 1.2');
    expect(pdfText('Łódź Dvořák 中')).toBe('?ódz Dvorák ?');
    expect(pdfText('line one\r\nline two\ttabbed')).toBe('line one\nline two tabbed');
  });
});
