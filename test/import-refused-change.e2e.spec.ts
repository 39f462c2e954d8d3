import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { stringify } from 'csv-stringify/sync';
import { PlanApi } from './support/plan-api.js';
import { importIowPlan, importPlan, iowText } from './support/import-api.js';
import { startTestApp, TestClock, type TestApp } from './support/test-app.js';

const CSV_HEADER = ['Theme', 'Ref', 'Action', 'Action Owner', 'Commencing', 'RAG'];
/** One character over the limit on a description: the parser keeps it, the plan refuses it. */
const TOO_LONG_DESCRIPTION = 'x'.repeat(20_001);

/** The published text a month later: 2.1 slipped from green to amber. */
const mayUpdate = () => iowText().replace(/(\n2\.1\t[^\n]*\tMarch 2024\t)G\t/, '$1A\t');

/** A change the parser and sync let through but the plan refuses is reported on its row; nothing is recorded. */
describe('an import the plan refuses part of', () => {
  let app: TestApp;
  let api: PlanApi;

  beforeAll(async () => {
    app = await startTestApp({ clock: new TestClock().clock });
    api = new PlanApi(app);
  });

  afterAll(async () => {
    await app.close();
  });

  it('names the row and the change refused in the middle of a new plan, and records nothing', async () => {
    const csv = stringify([
      CSV_HEADER,
      ['1. Caseloads', '1.1', 'Audit supervision records.', 'Team Managers', '', ''],
      ['1. Caseloads', '1.2', TOO_LONG_DESCRIPTION, 'Team Managers', '', ''],
      ['1. Caseloads', '1.3', 'Recruit social workers.', 'Team Managers', '', ''],
    ]);
    const report = await importPlan(app, {
      fileName: 'plan.csv',
      format: 'CSV',
      text: csv,
      title: 'New plan',
    });
    expect(report).toMatchObject({ planId: null, created: false, changes: [], appendedEvents: 0 });
    expect(report.problems).toEqual([
      {
        line: 3,
        message: 'Add action 1.2 (not rated): description must be at most 20000 characters (got 20001)',
      },
    ]);
    expect(app.eventCount()).toBe(0);
  });

  it('names the first change when a closed plan refuses it, dry run or not', async () => {
    const { planId } = await importIowPlan(app);
    await api.closePlan(planId!);
    const before = app.eventCount();
    for (const dryRun of [true, false]) {
      const report = await importPlan(app, {
        planId,
        fileName: 'may.txt',
        format: 'TEXT',
        text: mayUpdate(),
        dryRun,
      });
      expect(report).toMatchObject({ planId, dryRun, changes: [], appendedEvents: 0 });
      expect(report.problems).toEqual([
        {
          line: 86,
          message:
            'Action 2.1: RAG GREEN → AMBER: The plan "Isle of Wight ILACS improvement plan 2024" is closed: ' +
            'it can no longer change',
        },
      ]);
    }
    expect(app.eventCount()).toBe(before);
  });
});
