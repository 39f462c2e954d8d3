import { describe, expect, it } from '@jest/globals';
import type { ImportReport } from '../import/import-report.js';
import { summarise } from '../import/sync/sync-result.js';
import { importReportText } from './import-report-text.js';

const report = (data: Partial<ImportReport>): ImportReport => ({
  planId: 'plan-1',
  dryRun: false,
  created: false,
  effectiveDate: null,
  summary: summarise([]),
  changes: [],
  warnings: [],
  problems: [],
  appendedEvents: 0,
  ...data,
});

const changes = [
  { line: 86, message: 'Action 2.1: RAG GREEN → AMBER' },
  { line: 112, message: 'Action 5.1: new progress note "The panel met."' },
];
const summary = { ...summarise([]), ragChanges: 1, progressNotesAdded: 1 };

describe('the import report as printed', () => {
  it('says what a dry run would record, line by line, and that nothing was recorded', () => {
    expect(importReportText(report({ dryRun: true, changes, summary }), 'may.txt')).toBe(
      [
        'Dry run: may.txt would record 2 changes in plan plan-1. Nothing was recorded.',
        '',
        '0 themes added, 0 actions added, 1 RAG change, 1 progress note added, 0 owner changes, ' +
          '0 reschedules, 0 description revisions, 0 theme revisions.',
        '',
        'Would record (2):',
        '  line 86   Action 2.1: RAG GREEN → AMBER',
        '  line 112  Action 5.1: new progress note "The panel met."',
        '',
      ].join('\n'),
    );
  });

  it('says what was recorded in a new plan, and every warning with its line', () => {
    const text = importReportText(
      report({
        created: true,
        changes,
        summary,
        appendedEvents: 2,
        warnings: [{ line: null, message: 'Action 9.2 is in the plan but not in the file' }],
      }),
      'plan.csv',
    );
    expect(text).toContain('plan.csv imported into new plan plan-1: 2 events recorded.');
    expect(text).toContain('New plan: 0 themes added');
    expect(text).toContain('Recorded (2):');
    expect(text).toContain('Warnings (1):\n  file  Action 9.2 is in the plan but not in the file');
  });

  it('says the day the changes took effect when the import was given one', () => {
    const recorded = report({ changes, summary, appendedEvents: 2, effectiveDate: '2024-03-31' });
    expect(importReportText(recorded, 'march.xlsx')).toContain(
      'march.xlsx imported into plan plan-1: 2 events recorded, effective 31 March 2024.',
    );
    expect(importReportText({ ...recorded, dryRun: true }, 'march.xlsx')).toContain(
      'Dry run: march.xlsx would record 2 changes in plan plan-1, effective 31 March 2024. Nothing was recorded.',
    );
  });

  it('says when the file already matches the plan', () => {
    expect(importReportText(report({}), 'plan.csv')).toBe(
      'plan.csv matches plan plan-1: nothing to record.\n',
    );
  });

  it('says nothing was recorded, then each problem with its line', () => {
    const text = importReportText(
      report({ problems: [{ line: 3, message: 'Action 1.2: unknown RAG status "X"' }] }),
      'plan.csv',
    );
    expect(text).toBe(
      'plan.csv was not imported: 1 problem (below); nothing was recorded.\n\n' +
        'Problems (1):\n  line 3  Action 1.2: unknown RAG status "X"\n',
    );
  });
});
