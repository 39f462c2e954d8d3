import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startBoardStoryApp, firstCells, type BoardStoryApp } from './support/board-pack-api.js';
import { rowsOf, sectionOf, textOf } from './support/html-text.js';
import { readPdf } from './support/pdf-text.js';
import { IOW_PLAN, NOTES } from './support/plan-api.js';

/* The board pack of recordBoardStory (April and May boards): what the page and the PDF say. */

describe('board pack: a printable page and a PDF for a board meeting', () => {
  let story: BoardStoryApp;
  const page = (query?: string) => story.page(query);
  const get = (path: string) => story.get(path);

  beforeAll(async () => {
    story = await startBoardStoryApp();
  });

  afterAll(async () => {
    await story.app.close();
  });

  describe('for the May board', () => {
    let html: string;
    beforeAll(async () => {
      html = await page(`?boardMeeting=${story.may.id}`);
    });

    it('is the plan as recorded by the end of the board’s day', () => {
      expect(textOf(html)).toContain(
        `${IOW_PLAN.title} Isle of Wight Council Ofsted ILACS inspection, 30 October 2023 to 3 November 2023, judged good`,
      );
      expect(textOf(html)).toContain(
        'For the May board on 14 May 2024: the plan as recorded by 14 May 2024, 23:59 (UK time)',
      );
    });

    it('summarises RAG at the May board and at the April board', () => {
      expect(rowsOf(sectionOf(html, 'rag-summary')).slice(0, 7)).toEqual([
        'RAG status | At the May board (14 May 2024) | At the April board (9 April 2024) | Change',
        'Red | 0 | 1 | −1',
        'Amber | 0 | 1 | −1',
        'Green | 3 | 1 | +2',
        'Blue | 0 | 0 | 0',
        'Not rated | 1 | 1 | 0',
        'Total | 4 | 4 | 0',
      ]);
    });

    it('lists the actions by theme, without the withdrawn 1.4', () => {
      expect(firstCells(sectionOf(html, 'themes'))).toEqual(['1.1', '1.2', '1.5', '2.1']);
    });

    it('shows every April to May RAG movement with who and when, the net change, the new notes and other changes', () => {
      const changes = sectionOf(html, 'changes');
      expect(textOf(changes)).toMatch(/^Changes since the April board \(9 April 2024\)/);
      const rows = rowsOf(changes);
      expect(rows.slice(0, 9)).toEqual([
        'Ref | From | To | Reason given | Recorded by | Recorded | Effective',
        '1.1 | Not rated | Amber | Recruitment started | Test Admin | 10 Apr 2024, 00:30 | —',
        '1.1 | Amber | Green | Agreed at the May board | Test Admin | 14 May 2024, 21:00 | —',
        '1.2 | Red | Green | Workshops held | Test Admin | 16 Apr 2024, 10:00 | —',
        '1.4 | Amber | Red | Audits paused | Test Admin | 15 Apr 2024, 10:00 | —',
        '1.4 | Red | Amber | Audits resumed | Test Admin | 20 Apr 2024, 10:00 | —',
        'Ref | At the April board (9 April 2024) | At the May board (14 May 2024) | Direction | Movements',
        '1.1 | Not rated | Green | First rated | 2',
        '1.2 | Red | Green | Improved | 1',
      ]);
      expect(rows).toContainEqual('1.5 | SLA drafted with MASH partners. | Test Admin, 22 Apr 2024, 10:00');
      expect(rows).toContainEqual(
        `1.1 | ${NOTES.caseloads} | Test Admin, 22 Apr 2024, 10:00 (effective 19 April 2024)`,
      );
      expect(
        rows.filter((row) => /^\d/.test(row)).map((row) => row.split(' | ').slice(0, 2).join(' ')),
      ).toEqual([
        '1.1 Not rated',
        '1.1 Amber',
        '1.2 Red',
        '1.4 Amber',
        '1.4 Red',
        '1.1 Not rated',
        '1.2 Red',
        '1.1 Several new staff have joined the local authority since December 2023. This has led to a reduction in caseloads. Work is required to continue to reduce caseloads down further.',
        '1.5 SLA drafted with MASH partners.',
        '1.4 Action withdrawn',
        '1.5 Action added',
        '2.1 Owners',
        '2.1 Description',
      ]);
    });

    it('lists 1.5 as overdue: its commencing month has passed and it is still not rated', () => {
      const rows = rowsOf(sectionOf(html, 'overdue'));
      expect(rows.slice(1)).toEqual([
        '1.5 | Effective monitoring of a Service Level Agreement for MASH. | Service Director | Not rated | ' +
          'Commencing April 2024 (ended 30 April 2024, 14 days ago) and still Not rated',
      ]);
    });

    it('lists the actions with no progress note in 42 days, or in as many days as asked', async () => {
      expect(firstCells(sectionOf(html, 'stale'))).toEqual(['1.2', '2.1']);
      const twentyDays = await page(`?boardMeeting=${story.may.id}&staleAfterDays=20`);
      expect(textOf(sectionOf(twentyDays, 'stale'))).toMatch(
        /^Stale actions: no progress note in the last 20 days/,
      );
      // Ranked: Not rated first, then Green, the longest without a note first.
      expect(firstCells(sectionOf(twentyDays, 'stale'))).toEqual(['1.5', '1.2', '2.1', '1.1']);
    });

    it('charts the RAG trend, replayed monthly from the plan’s creation to the board', () => {
      const trend = sectionOf(html, 'rag-trend');
      expect(trend).toMatch(/<svg\s+class="trend"/);
      expect(
        trend.match(/<g class="series" data-rag="GREEN">[\s\S]*?<\/g>/)![0].match(/<circle /g),
      ).toHaveLength(3);
      expect(trend).toContain('<title>Green: 1 on 1 Apr 2024</title>');
      expect(trend).toContain('<title>Green: 2 on 1 May 2024</title>');
      expect(trend).toContain('<title>Green: 3 on 14 May 2024</title>');
    });

    it('is served as an HTML page that runs nothing and is not cached', async () => {
      const response = await get(`/plans/${story.planId}/board-pack?boardMeeting=${story.may.id}`);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('private, no-store');
      expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    });
  });

  it('as at the April board, compares with the plan’s creation and finds 1.1 and 1.2 overdue', async () => {
    const html = await page(`?boardMeeting=${story.april.id}`);
    expect(textOf(sectionOf(html, 'changes'))).toMatch(/^Changes since the plan was created/);
    expect(firstCells(sectionOf(html, 'overdue'))).toEqual(['1.1', '1.2']);
  });

  it('by default, shows the plan now and what changed since the latest board', async () => {
    const html = await page();
    expect(textOf(html)).toContain('As at 21 May 2024: the plan as recorded by 21 May 2024, 10:00 (UK time)');
    const changes = rowsOf(sectionOf(html, 'changes'));
    expect(textOf(sectionOf(html, 'changes'))).toMatch(/^Changes since the May board \(14 May 2024\)/);
    expect(changes).toContainEqual('1.2 | Green | Blue | Embedded | Test Admin | 15 May 2024, 10:00 | —');
    expect(changes).toContainEqual('Ref | At the May board (14 May 2024) | Now | Direction | Movements');
    expect(changes).toContainEqual('1.5 | SLA signed. | Test Admin, 20 May 2024, 10:00');
    expect(firstCells(sectionOf(html, 'stale'))).toEqual(['2.1']);
  });

  it('takes asOf as an instant or a day, and today as now', async () => {
    const html = await page('?asOf=2024-04-09T12:00:00Z');
    expect(textOf(html)).toContain('As at 9 April 2024: the plan as recorded by 9 Apr 2024, 13:00 (UK time)');
    expect(textOf(sectionOf(html, 'changes'))).toMatch(/^Changes since the plan was created/);
    expect(textOf(await page('?asOf=2024-05-14'))).toContain(
      'the plan as recorded by 14 May 2024, 23:59 (UK time)',
    );
    expect(textOf(await page('?asOf=2024-05-21'))).toContain(
      'As at 21 May 2024: the plan as recorded by 21 May 2024, 10:00',
    );
  });

  it('renders the same pack as a PDF, with the plan title and the actions', async () => {
    const response = await get(`/plans/${story.planId}/board-pack.pdf?boardMeeting=${story.may.id}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toMatch(
      /^inline; filename="board-pack-isle-of-wight-[a-z0-9-]+-2024-05-14\.pdf"$/,
    );
    expect(response.body.length).toBeGreaterThan(1000);
    expect(response.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pdf = await readPdf(response.body);
    expect(pdf.count).toBeGreaterThanOrEqual(1);
    expect(pdf.text).toContain(IOW_PLAN.title);
    expect(pdf.text).toContain('Changes since the April board (9 April 2024)');
    expect(pdf.pages.flat().map((item) => item.text)).toEqual(expect.arrayContaining(['1.1', '1.5', '2.1']));
  });
});
