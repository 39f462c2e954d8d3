import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DAY, HistoryApi, ManualClock } from './support/history-api.js';
import { rowsOf, sectionOf, textOf } from './support/html-text.js';
import { shortDescription } from '../src/reports/presentation/board-pack-text.js';
import { importIowPlan } from './support/import-api.js';
import { ACTIONS } from './support/plan-api.js';
import { readPdf } from './support/pdf-text.js';
import { recordSlippageStory } from './support/slippage-story.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/* The board pack of the slippage story: every movement with who and when, what slipped, owners. */

describe('board pack: every movement, what slipped, and who said so', () => {
  const clock = new ManualClock('2024-04-01T08:00:00.000Z');
  let app: TestApp;
  let story: Awaited<ReturnType<typeof recordSlippageStory>>;
  const get = async (path: string) => {
    const response = await fetch(`${app.url}${path}`, { headers: await app.adminHeaders() });
    expect(response.status).toBe(200);
    return Buffer.from(await response.arrayBuffer());
  };

  beforeAll(async () => {
    app = await startTestApp({ clock: clock.clock });
    story = await recordSlippageStory(new HistoryApi(app), clock);
  });

  afterAll(async () => {
    await app.close();
  });

  describe('for the May board, as a page', () => {
    let html: string;
    beforeAll(async () => {
      html = (await get(`/plans/${story.planId}/board-pack?boardMeeting=${story.may.id}`)).toString('utf8');
    });

    it('lists every RAG movement, 1.1’s red included, with who recorded it, when and its effective date', () => {
      expect(rowsOf(sectionOf(html, 'changes')).slice(0, 6)).toEqual([
        'Ref | From | To | Reason given | Recorded by | Recorded | Effective',
        '1.1 | Amber | Red | Two social workers left | Sam Patel | 15 Apr 2024, 10:00 | 12 April 2024',
        '1.1 | Red | Amber | Agency staff started | Jo Bloggs | 29 Apr 2024, 10:00 | —',
        '1.3 | Amber | Red | Partner withdrew | Sam Patel | 23 Apr 2024, 10:00 | —',
        'Ref | At the April board (9 April 2024) | At the May board (14 May 2024) | Direction | Movements',
        '1.3 | Amber | Red | Worsened (since added) | 1',
      ]);
    });

    it('lists what slipped since the April board, with each reason, who gave it and when', () => {
      const slipped = sectionOf(html, 'slipped');
      expect(textOf(slipped)).toMatch(/^Slipped since the April board \(9 April 2024\)/);
      expect(rowsOf(slipped).slice(1)).toEqual([
        `1.1 | ${shortDescription(ACTIONS['1.1'].description)} | commencing December 2023, due by June 2024 | ` +
          'commencing December 2023, due by October 2024 | 123 days later | ' +
          'Recruitment delayed Jo Bloggs, 18 Apr 2024, 10:00 (effective 17 April 2024) ' +
          'Training moved to the autumn Sam Patel, 2 May 2024, 10:00',
      ]);
    });

    it('shows each owner as an item of a list', () => {
      expect(sectionOf(html, 'themes')).toContain(
        '<ul class="owners"><li>Service Director</li><li>Service Manager Operations</li><li>Team Managers</li></ul>',
      );
    });
  });

  it('says the same in the PDF', async () => {
    const pdf = await readPdf(
      await get(`/plans/${story.planId}/board-pack.pdf?boardMeeting=${story.may.id}`),
    );
    for (const words of [
      'At the May board (14 May 2024)',
      'Two social workers left Sam Patel 15 Apr 2024, 10:00 12 April 2024',
      'Agency staff started Jo Bloggs 29 Apr 2024, 10:00',
      'Net RAG change per action',
      'Slipped since the April board (9 April 2024)',
      '123 days later',
      '• Recruitment delayed',
      'Jo Bloggs, 18 Apr 2024, 10:00 (effective 17 April 2024)',
      '• Service Director',
    ]) {
      expect(pdf.text).toContain(words);
    }
  });
});

describe('board pack: the first pack of an imported plan', () => {
  const clock = new ManualClock('2024-06-03T09:00:00.000Z');
  let app: TestApp;
  let html: string;

  beforeAll(async () => {
    app = await startTestApp({ clock: clock.clock });
    const { planId } = await importIowPlan(app);
    clock.advance(60 * DAY);
    const response = await fetch(`${app.url}/plans/${planId}/board-pack`, {
      headers: await app.adminHeaders(),
    });
    html = await response.text();
  });

  afterAll(async () => {
    await app.close();
  });

  it('compares with the plan as imported, not with nothing', () => {
    const summary = rowsOf(sectionOf(html, 'rag-summary')).slice(0, 7);
    expect(summary[0]).toBe('RAG status | Now | When the plan was created | Change');
    for (const row of summary.slice(1)) {
      const [, now, then, change] = row.split(' | ');
      expect({ row, then, change }).toEqual({ row, then: now, change: '0' });
    }
    expect(summary.at(-1)).toMatch(/^Total \| 36 \| 36 \| 0$/);
    expect(textOf(sectionOf(html, 'changes'))).toContain('No actions added, withdrawn or edited.');
  });

  it('lists the ten stale actions a board can act on first, and names the others', () => {
    const stale = sectionOf(html, 'stale');
    expect(textOf(stale)).toContain(
      'Ranked for the board to act on: Red first, then Not rated, Amber and Green',
    );
    expect(rowsOf(stale).slice(1)).toHaveLength(10);
    expect(textOf(stale)).toMatch(/Also stale, not listed \(\d+\): [\d.]+(, [\d.]+)*\./);
  });
});
