import { describe, expect, it } from '@jest/globals';
import { BOARD_HISTORY, mayBoardPack } from '../../../test/support/board-pack-fixture.js';
import { recorded } from '../../../test/support/decider-spec.js';
import { readPdf } from '../../../test/support/pdf-text.js';
import { actionAdded, OTHER_ACTION_ID, progressNoteAdded } from '../../../test/support/plan-builders.js';
import {
  NET_RAG_NOTE,
  OVERDUE_RULE,
  RAG_MOVEMENTS_NOTE,
  SLIPPAGE_RULE,
  STALE_RULE,
} from '../presentation/board-pack-text.js';
import { boardPackPdf } from './board-pack.pdf.js';
import { pdfText } from './pdf-document.js';

const LONG_TEXT =
  'Audit a sample of assessments each month and feed findings back to teams and managers. '.repeat(4);

/** The May board's pack with `count` more actions in theme 1, each described by `text`. */
const planWithMoreActions = (count: number, text: string | ((id: string) => string)) =>
  mayBoardPack([
    ...BOARD_HISTORY,
    ...Array.from({ length: count }, (_, index) =>
      recorded(
        actionAdded({
          actionId: `action-3-${index + 1}`,
          ref: `3.${index + 1}`,
          description: typeof text === 'string' ? text : text(`3-${index + 1}`),
        }),
        { recordedAt: '2024-05-02T09:00:00.000Z' },
      ),
    ),
  ]);

/** Forty more actions with long descriptions, marked at both ends, so the themes table spans pages. */
const longPlan = () => planWithMoreActions(40, (id) => `START-${id} ${LONG_TEXT}END-${id}`);

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
      'Recruitment stalled Sam Patel 15 Apr 2024, 10:00',
      'Recruitment restarted Sam Patel 20 Apr 2024, 10:00',
      'Net RAG change per action',
      'Slipped since the April board (9 April 2024)',
      'No action was rescheduled.',
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

  it('prints accents, arrows and other scripts as written, in an embedded font', async () => {
    const text = 'Łódź Dvořák → café “SLA” ✓ Ωμέγα Київ € …';
    const note = recorded(progressNoteAdded({ actionId: OTHER_ACTION_ID, noteId: 'note-unicode', text }), {
      recordedAt: '2024-05-02T09:00:00.000Z',
    });
    const bytes = await boardPackPdf(mayBoardPack([...BOARD_HISTORY, note]));
    expect((await readPdf(bytes)).text).toContain(text);
    expect(bytes.toString('latin1')).toMatch(/\/FontFile2/);
    expect(pdfText('line one\r\nline two\ttabbed')).toBe('line one\nline two tabbed');
  });

  it('never leaves a heading alone at the foot of a page, whatever the length of the plan', async () => {
    const headings =
      /^(RAG summary|By theme|Actions by theme|\d+\. |Changes since|RAG movements|Net RAG change|New progress notes|Other changes|Slipped since|Overdue actions|Stale actions|RAG trend)/;
    const notes = [RAG_MOVEMENTS_NOTE, NET_RAG_NOTE, SLIPPAGE_RULE, OVERDUE_RULE, STALE_RULE];
    /** A heading, or a line of the note under one: what must never end a page. */
    const leads = (text: string) =>
      headings.test(text) || (text.trim().length > 12 && notes.some((note) => note.includes(text.trim())));
    for (let extra = 0; extra <= 24; extra += 1) {
      const pdf = await readPdf(await boardPackPdf(planWithMoreActions(extra, 'Short.')));
      pdf.pages.forEach((page, index) => {
        const content = page.filter((item) => !item.text.includes(' | Page '));
        const last = [...content].sort((a, b) => a.y - b.y)[0]!.text;
        expect({ extra, page: index + 1, last, lead: leads(last) }).toEqual({
          extra,
          page: index + 1,
          last,
          lead: false,
        });
      });
    }
  });
});
