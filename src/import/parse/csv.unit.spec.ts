import { describe, expect, it } from '@jest/globals';
import { stringify } from 'csv-stringify/sync';
import { parsePlanDocument } from './parse-plan-document.js';

const HEADER = [
  'Theme',
  'What needs to improve',
  'What inspectors found',
  'Ref',
  'Action',
  'Action Owner',
  'Commencing',
  'Due by',
  'RAG',
  'Progress and Impact to date',
];

const parseCsv = (rows: string[][]) =>
  parsePlanDocument({ fileName: 'plan.csv', content: Buffer.from(stringify([HEADER, ...rows]), 'utf8') });

describe('reading a CSV plan', () => {
  it('reads themes, their prose, and one action per row', async () => {
    const { document, problems, warnings } = await parseCsv([
      [
        '1. Caseloads',
        'Lower caseloads.',
        'Caseloads were too high.',
        '1.1',
        'Reduce caseloads.\n\nReview weekly.',
        'Service Director\nTeam Managers',
        '2023-12',
        '',
        'Amber',
        'Staff joined.\n\nCaseloads fell.',
      ],
      [
        '1. Caseloads',
        '',
        '',
        '1.10',
        'Refresh exemplars.',
        'Head of Quality and Performance',
        'April 2024',
        '31/03/2025',
        'G',
        '',
      ],
      ['4.', '', '', '4.1', 'Track permanence.', 'Lead IRO', '2024-03', '', '', ''],
    ]);
    expect(problems).toEqual([]);
    expect(document.title).toBeNull();
    expect(document.themes).toEqual([
      {
        number: 1,
        title: 'Caseloads',
        whatNeedsToImprove: 'Lower caseloads.',
        inspectorFindings: 'Caseloads were too high.',
        line: 2,
        actions: [
          {
            ref: '1.1',
            description: 'Reduce caseloads.\n\nReview weekly.',
            owners: ['Service Director', 'Team Managers'],
            commencing: '2023-12',
            dueBy: null,
            rag: 'AMBER',
            progress: ['Staff joined.', 'Caseloads fell.'],
            line: 2,
          },
          {
            ref: '1.10',
            description: 'Refresh exemplars.',
            owners: ['Head of Quality and Performance'],
            commencing: '2024-04',
            dueBy: '2025-03-31',
            rag: 'GREEN',
            progress: [],
            line: 3,
          },
        ],
      },
      {
        number: 4,
        title: null,
        whatNeedsToImprove: null,
        inspectorFindings: null,
        line: 4,
        actions: [expect.objectContaining({ ref: '4.1', rag: 'NOT_RATED', owners: ['Lead IRO'] })],
      },
    ]);
    expect(warnings).toEqual([
      {
        line: 3,
        message: 'Action 1.10: owner "Head of Quality and Performance" is not a known role; kept as written',
      },
      {
        line: 4,
        message: 'Theme 4 has no heading in the document (actions 4.1); imported as an untitled theme',
      },
    ]);
  });

  it('takes the theme of the row above when the Theme cell is blank, and continues an action on a blank ref', async () => {
    const { document, problems } = await parseCsv([
      [
        '2. Pre-proceedings',
        '',
        '',
        '2.1',
        'Panel',
        'Service Manager Operations &',
        'March 2024',
        '',
        'G',
        '',
      ],
      ['', '', '', '', 'and tracker.', 'Team Managers', '', '', '', 'Tracking started.'],
      ['', '', '', '2.2', 'Framework.', 'Service Manager Operations', 'March 2024', '', 'G', ''],
    ]);
    expect(problems).toEqual([]);
    expect(document.themes).toHaveLength(1);
    expect(
      document.themes[0]!.actions.map((action) => [action.ref, action.description, action.owners]),
    ).toEqual([
      ['2.1', 'Panel and tracker.', ['Service Manager Operations', 'Team Managers']],
      ['2.2', 'Framework.', ['Service Manager Operations']],
    ]);
  });

  it('reads a theme row with no actions (a theme with nothing to do yet), with a warning', async () => {
    const { document, warnings } = await parseCsv([
      ['1. Caseloads', '', '', '1.1', 'Reduce caseloads.', 'Service Director', '2023-12', '', 'A', ''],
      ['2. Pre-proceedings', 'Timely decisions.', '', '', '', '', '', '', '', ''],
    ]);
    expect(document.themes[1]).toMatchObject({
      number: 2,
      title: 'Pre-proceedings',
      whatNeedsToImprove: 'Timely decisions.',
      actions: [],
    });
    expect(warnings).toEqual([{ line: 3, message: 'Theme 2 has no actions' }]);
  });

  it('refuses a CSV file without a header row', async () => {
    const content = Buffer.from(stringify([['1. Caseloads', '1.1', 'Reduce caseloads.']]));
    const { problems } = await parsePlanDocument({ fileName: 'plan.csv', content });
    expect(problems.map((problem) => problem.message)).toEqual([
      'No header row found (a row naming the columns "Theme", "Ref", "Action", …)',
      'No actions found in the file',
    ]);
  });

  it('refuses an unknown RAG and a repeated ref, with their rows', async () => {
    const { problems } = await parseCsv([
      ['1. Caseloads', '', '', '1.1', 'Reduce caseloads.', 'Service Director', '2023-12', '', 'Purple', ''],
      ['1. Caseloads', '', '', '1.1', 'Audit.', 'Service Director', '2023-12', '', 'A', ''],
    ]);
    expect(problems.map((problem) => problem.line)).toEqual([2, 3]);
  });
});
