import { describe, expect, it } from '@jest/globals';
import {
  BOARD_HISTORY,
  boardPackOf,
  END_OF_MAY_BOARD_DAY,
  mayBoardPack,
} from '../../../test/support/board-pack-fixture.js';
import { recorded } from '../../../test/support/decider-spec.js';
import { rowsOf, sectionOf, textOf } from '../../../test/support/html-text.js';
import {
  actionOwnersAssigned,
  actionRescheduled,
  OTHER_ACTION_ID,
  progressNoteAdded,
  recordedBy,
} from '../../../test/support/plan-builders.js';
import { boardPackHtml } from './board-pack.html.js';

const SCRIPT_NOTE = '<script>alert("pwned")</script> & <img src=x onerror=alert(1)>';

describe('the board pack page', () => {
  const page = boardPackHtml(mayBoardPack());

  it('is one self-contained page: inline CSS with print rules, no script, no other file', () => {
    expect(page).toMatch(/^<!doctype html>\s*<html lang="en-GB">/);
    expect(page).toContain('<meta charset="utf-8" />');
    expect(page).toMatch(/<style>[\s\S]*@media print[\s\S]*<\/style>/);
    expect(page).not.toMatch(/<script|<link|<img|<iframe|\ssrc=|\shref=|url\(|@import/i);
  });

  it('says which plan, for which board, as recorded when', () => {
    expect(textOf(sectionOrHeader(page))).toBe(
      'Isle of Wight ILACS improvement plan Isle of Wight Council Plan status: Draft ' +
        'For the May board on 14 May 2024: the plan as recorded by 14 May 2024, 23:59 (UK time), version 13',
    );
  });

  it('summarises RAG now and at the previous board, overall and by theme, each colour named', () => {
    expect(rowsOf(sectionOf(page, 'rag-summary'))).toEqual([
      'RAG status | At the May board (14 May 2024) | At the April board (9 April 2024) | Change',
      'Red | 0 | 0 | 0',
      'Amber | 3 | 2 | +1',
      'Green | 1 | 1 | 0',
      'Blue | 0 | 0 | 0',
      'Not rated | 1 | 1 | 0',
      'Total | 5 | 4 | +1',
      'Theme | Red | Amber | Green | Blue | Not rated | Total',
      '1. Caseloads | 0 | 3 | 0 | 0 | 0 | 3',
      '2. Pre-proceedings (PLO) | 0 | 0 | 1 | 0 | 1 | 2',
    ]);
  });

  it('lists every action by theme and flags an action with no owner', () => {
    const rows = rowsOf(sectionOf(page, 'themes'));
    expect(rows.filter((row) => !row.startsWith('Ref')).map((row) => row.split(' | ')[0])).toEqual([
      '1.1',
      '1.2',
      '1.10',
      '2.1',
      '2.2',
    ]);
    expect(rows).toContainEqual(
      '1.10 | Review caseloads across the assessment teams monthly. | (no owner) | March 2024 | April 2024 | Amber | No progress note yet',
    );
    expect(sectionOf(page, 'themes')).toContain('<span class="no-owner">(no owner)</span>');
    expect(rows).toContainEqual(
      expect.stringMatching(/^1\.2 .* Workshops planned for May\. Sam Patel, 22 Apr 2024, 10:00$/),
    );
  });

  it('says "now" only for a pack of the plan now, and "at" the day of a past pack', () => {
    const header = (pack: string) => rowsOf(sectionOf(pack, 'rag-summary'))[0];
    const current = boardPackOf(BOARD_HISTORY, { asAt: END_OF_MAY_BOARD_DAY, isCurrent: true });
    expect(header(boardPackHtml(current))).toBe('RAG status | Now | When the plan was created | Change');
    const past = boardPackOf(BOARD_HISTORY, { asAt: END_OF_MAY_BOARD_DAY });
    expect(header(boardPackHtml(past))).toBe(
      'RAG status | At 14 May 2024 | When the plan was created | Change',
    );
  });

  it('shows every RAG movement since the April board with who, when and why, then the net change', () => {
    const changes = sectionOf(page, 'changes');
    expect(textOf(changes)).toMatch(/^Changes since the April board \(9 April 2024\)/);
    expect(rowsOf(changes)).toEqual([
      'Ref | From | To | Reason given | Recorded by | Recorded | Effective',
      '1.1 | Not rated | Red | Recruitment stalled | Sam Patel | 15 Apr 2024, 10:00 | —',
      '1.1 | Red | Amber | Recruitment restarted | Sam Patel | 20 Apr 2024, 10:00 | —',
      'Ref | At the April board (9 April 2024) | At the May board (14 May 2024) | Direction | Movements',
      '1.1 | Not rated | Amber | First rated | 2',
      'Ref | Progress note | Recorded by',
      '1.2 | Workshops planned for May. | Sam Patel, 22 Apr 2024, 10:00',
      'Ref | Change | Before | After',
      '2.2 | Action added | — | Review caseloads across the assessment teams monthly. (Not rated)',
    ]);
  });

  it('lists the actions that slipped since the April board, with who gave which reason and when', () => {
    const rescheduled = recorded(
      actionRescheduled({
        actionId: 'action-1-10',
        commencing: '2024-03',
        dueBy: '2024-07',
        reason: 'Recruitment delayed',
      }),
      { recordedAt: '2024-05-02T09:00:00.000Z', actor: recordedBy('Jo Bloggs'), effectiveDate: '2024-04-30' },
    );
    const slipped = sectionOf(boardPackHtml(mayBoardPack([...BOARD_HISTORY, rescheduled])), 'slipped');
    expect(textOf(slipped)).toMatch(
      /^Slipped since the April board \(9 April 2024\) Actions whose commencing/,
    );
    expect(rowsOf(slipped)).toEqual([
      'Ref | Action | Dates before | Dates after | Moved | Reasons given',
      '1.10 | Review caseloads across the assessment teams monthly. | commencing March 2024, due by April 2024 | ' +
        'commencing March 2024, due by July 2024 | 92 days later | ' +
        'Recruitment delayed Jo Bloggs, 2 May 2024, 10:00 (effective 30 April 2024)',
    ]);
    expect(textOf(sectionOf(page, 'slipped'))).toContain('No action was rescheduled.');
  });

  it('lists each owner as an item of a list, not lines in a cell', () => {
    const owned = recorded(actionOwnersAssigned(['Service Manager Operations', 'Lead IRO']), {
      recordedAt: '2024-05-02T09:00:00.000Z',
    });
    const themes = sectionOf(boardPackHtml(mayBoardPack([...BOARD_HISTORY, owned])), 'themes');
    expect(themes).toContain(
      '<td class="owners"><ul class="owners"><li>Service Manager Operations</li><li>Lead IRO</li></ul></td>',
    );
    expect(themes).not.toContain('<br');
  });

  it('lists overdue and stale actions with why', () => {
    expect(
      rowsOf(sectionOf(page, 'overdue'))
        .slice(1)
        .map((row) => row.split(' | ').at(-1)),
    ).toEqual([
      'Due by April 2024 (ended 30 April 2024, 14 days ago)',
      'Commencing April 2024 (ended 30 April 2024, 14 days ago) and still Not rated',
    ]);
    expect(textOf(sectionOf(page, 'stale'))).toMatch(
      /^Stale actions: no progress note in the last 42 days Ranked for the board to act on: Red first/,
    );
    expect(
      rowsOf(sectionOf(page, 'stale'))
        .slice(1)
        .map((row) => row.split(' | ')[0]),
    ).toEqual(['1.1', '1.10', '2.1']);
  });

  it('draws the RAG trend as inline SVG: a titled line per RAG status with a point per month', () => {
    const trend = sectionOf(page, 'rag-trend');
    expect(trend).toMatch(
      /<svg\s+class="trend"[^>]*role="img"\s+aria-labelledby="rag-trend-title rag-trend-desc"\s*>/,
    );
    expect(trend).toContain(
      '<title id="rag-trend-title">RAG trend of Isle of Wight ILACS improvement plan</title>',
    );
    expect(textOf(trend)).toContain('Latest: 0 Red, 3 Amber, 1 Green, 0 Blue, 1 Not rated.');
    for (const rag of ['RED', 'AMBER', 'GREEN', 'BLUE', 'NOT_RATED']) {
      const series = new RegExp(`<g class="series" data-rag="${rag}">([\\s\\S]*?)</g>`).exec(trend)![1]!;
      expect({ rag, points: series.match(/<circle /g)?.length }).toEqual({ rag, points: 3 });
    }
    expect(trend).toContain('<title>Amber: 2 on 1 Apr 2024</title>');
    expect(textOf(trend.slice(trend.indexOf('class="legend"')))).toContain('Red Amber Green Blue Not rated');
  });

  it('escapes user text: a note with a script tag is shown, never run', () => {
    const note = recorded(
      progressNoteAdded({ actionId: OTHER_ACTION_ID, noteId: 'note-script', text: SCRIPT_NOTE }),
      { recordedAt: '2024-05-02T09:00:00.000Z' },
    );
    const escaped = boardPackHtml(mayBoardPack([...BOARD_HISTORY, note]));
    expect(escaped).not.toContain('<script>');
    expect(escaped).not.toContain('<img');
    expect(escaped).toContain(
      '&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;',
    );
    expect(textOf(sectionOf(escaped, 'changes'))).toContain(SCRIPT_NOTE);
  });
});

function sectionOrHeader(page: string): string {
  return page.slice(page.indexOf('<header id="plan">'), page.indexOf('</header>'));
}
