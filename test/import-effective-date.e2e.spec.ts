import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { expectError } from './support/plan-api.js';
import { importIowPlan, iowText } from './support/import-api.js';
import { startTestApp, TestClock, type TestApp } from './support/test-app.js';

/** The plan as the council saved it "as at 31 March": 2.1 slipped to amber, 2.2 moved on. */
function asAtMarch(): string {
  return iowText()
    .replace(/(\n2\.1\t[^\n]*\tMarch 2024\t)G\t/, '$1A\t')
    .replace(
      /(\n2\.2\t[^\n]*chaired by the Service Manager\.)/,
      '$1 <p>The panel has met twice and reviewed every family in pre-proceedings.</p>',
    );
}

const IMPORT = `mutation ($input: ImportPlanInput!) {
  importPlan(input: $input) { planId effectiveDate appendedEvents changes { line message } problems { message } }
}`;

interface Report {
  planId: string;
  effectiveDate: string | null;
  appendedEvents: number;
  changes: { line: number | null; message: string }[];
  problems: { message: string }[];
}

describe('importing a monthly spreadsheet "as at" a day before it is imported', () => {
  let app: TestApp;
  let planId: string;

  beforeAll(async () => {
    // Typed in on 4 April 2024, the Thursday after the month end.
    app = await startTestApp({ clock: new TestClock('2024-04-04T09:00:00.000Z').clock });
    planId = (await importIowPlan(app)).planId!;
  });

  afterAll(async () => {
    await app.close();
  });

  const importMarch = (effectiveDate: unknown) =>
    app.graphql<{ importPlan: Report }>(IMPORT, {
      input: { planId, fileName: 'iow-march-2024.txt', format: 'TEXT', text: asAtMarch(), effectiveDate },
    });

  it('refuses an effective date in the future, recording nothing', async () => {
    const before = app.eventCount();
    const error = expectError(await importMarch('2024-04-05'), {
      code: 'BAD_USER_INPUT',
      field: 'effectiveDate',
    });
    expect(error.message).toBe(
      'The effective date 2024-04-05 is in the future: an import records what has already happened',
    );
    expect(app.eventCount()).toBe(before);
  });

  it('refuses an effective date that is not a day "YYYY-MM-DD"', async () => {
    const response = await importMarch('31/03/2024');
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toContain('Date must be a date "YYYY-MM-DD"');
  });

  it('records each change of the file as effective on that day, and says so in the report', async () => {
    const before = app.eventCount();
    const response = await importMarch('2024-03-31');
    expect(response.errors).toBeUndefined();
    const report = response.data!.importPlan;
    expect(report).toMatchObject({ effectiveDate: '2024-03-31', appendedEvents: 2, problems: [] });
    expect(report.changes.map((change) => change.message)).toEqual([
      'Action 2.1: RAG GREEN → AMBER',
      'Action 2.2: new progress note "The panel has met twice and reviewed every family in pre-…"',
    ]);
    const recorded = app.storedEvents().slice(before);
    expect(recorded.map((event) => [event.type, event.metadata.effectiveDate])).toEqual([
      ['RagStatusChanged', '2024-03-31'],
      ['ProgressNoteAdded', '2024-03-31'],
    ]);
    expect(recorded.every((event) => String(event.metadata.recordedAt).startsWith('2024-04-04'))).toBe(true);
  });
});
