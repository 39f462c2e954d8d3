import { describe, expect, it } from '@jest/globals';
import { foldPlan } from '../../test/support/decider-spec.js';
import {
  actionAdded,
  actionWithdrawn,
  planWithAction,
  progressNoteAdded,
  themeAdded,
} from '../../test/support/plan-builders.js';
import { planRows } from './plan-rows.js';

describe('a plan as export rows', () => {
  it('writes each action on a row naming its theme, with the theme’s prose on its first row only', () => {
    const plan = foldPlan([
      ...planWithAction({ rag: 'AMBER', owners: ['Service Director', 'Lead IRO'] }),
      actionAdded({ actionId: 'action-1-2', ref: '1.2', rag: 'NOT_RATED', commencing: null }),
    ])!;
    const rows = planRows({ ...plan, themes: [{ ...plan.themes[0]!, whatNeedsToImprove: 'Caseloads.' }] });
    expect(rows).toEqual([
      expect.objectContaining({
        theme: '1. Caseloads',
        whatNeedsToImprove: 'Caseloads.',
        ref: '1.1',
        owners: 'Service Director\nLead IRO',
        commencing: '2023-12',
        rag: 'A',
      }),
      expect.objectContaining({ theme: '1. Caseloads', whatNeedsToImprove: '', ref: '1.2', rag: '' }),
    ]);
  });

  it('orders themes by number and gives a theme with no actions (or no title) a row of its own', () => {
    const plan = foldPlan([
      ...planWithAction(),
      themeAdded({ themeId: 'theme-9', number: 9, title: 'Workforce' }),
      themeAdded({ themeId: 'theme-4', number: 4, title: null }),
    ])!;
    expect(planRows(plan).map((row) => [row.theme, row.ref])).toEqual([
      ['1. Caseloads', '1.1'],
      ['4.', ''],
      ['9. Workforce', ''],
    ]);
  });

  it('leaves withdrawn actions out', () => {
    const plan = foldPlan([...planWithAction(), actionWithdrawn()])!;
    expect(planRows(plan).map((row) => row.ref)).toEqual(['']);
  });

  it('writes progress notes as paragraphs, escaping only what the import would read as markup', () => {
    const plan = foldPlan([
      ...planWithAction({ description: 'Keep caseloads <20 & review <b>weekly</b> &amp; monthly.' }),
      progressNoteAdded({ noteId: 'n1', text: 'First audit done.' }),
      progressNoteAdded({ noteId: 'n2', text: 'Second <p>audit</p> planned.' }),
    ])!;
    expect(planRows(plan)[0]).toMatchObject({
      description: 'Keep caseloads <20 & review &lt;b>weekly&lt;/b> &amp;amp; monthly.',
      progress: 'First audit done.\n\nSecond &lt;p>audit&lt;/p> planned.',
    });
  });
});
