import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { NHS_NUMBER } from './support/plan-api.js';
import { importPlan, sendImport } from './support/import-api.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const HEADER = 'Theme,Ref,Action,Action Owner,Commencing,Due by,RAG,Progress and Impact to date';
const row = (
  ref: string,
  rag = 'A',
  extra: { progress?: string; commencing?: string; dueBy?: string } = {},
) =>
  [
    '1. Caseloads',
    ref,
    `Action ${ref}: review caseloads monthly.`,
    'Service Manager Operations',
    extra.commencing ?? 'December 2023',
    extra.dueBy ?? '',
    rag,
    extra.progress ?? '',
  ].join(',');
const csv = (...lines: string[]) => lines.join('\r\n');

describe('importing a malformed file: a report with line numbers, and nothing recorded', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  /** Imports the file as a new plan and checks that nothing was recorded; returns the problems. */
  async function problemsOf(input: Record<string, unknown>) {
    const before = app.eventCount();
    const report = await importPlan(app, { fileName: 'plan.csv', format: 'CSV', title: 'Plan', ...input });
    expect(app.eventCount()).toBe(before);
    expect(report).toMatchObject({ planId: null, created: false, appendedEvents: 0, changes: [] });
    return report.problems;
  }

  it('an unknown RAG letter', async () => {
    const problems = await problemsOf({ text: csv(HEADER, row('1.1'), row('1.2', 'X')) });
    expect(problems).toEqual([
      {
        line: 3,
        message:
          'Action 1.2: unknown RAG status "X" (use R, A, G, B, the words Red, Amber, Green, Blue, or leave it blank for not yet rated)',
      },
    ]);
  });

  it('a ref used twice', async () => {
    const problems = await problemsOf({ text: csv(HEADER, row('1.1'), row('1.2'), row('1.1')) });
    expect(problems).toEqual([{ line: 4, message: 'Ref 1.1 is used twice (lines 2 and 4)' }]);
  });

  it('no header row', async () => {
    const problems = await problemsOf({ text: csv(row('1.1'), row('1.2')) });
    // Where the header should be is the parser's call (the first row, or the file as a whole).
    expect(problems).toContainEqual(
      expect.objectContaining({
        message: 'No header row found (a row naming the columns "Theme", "Ref", "Action", …)',
      }),
    );
  });

  it('a file that is not UTF-8', async () => {
    const latin1 = Buffer.from(csv(HEADER, row('1.1', 'A', { progress: 'Café review done.' })), 'latin1');
    const problems = await problemsOf({ base64: latin1.toString('base64') });
    expect(problems).toEqual([
      { line: 2, message: 'The file is not UTF-8 text (perhaps Windows-1252, "ANSI"); save it as UTF-8' },
    ]);
  });

  it('a file over the import limit, refused before it is decoded', async () => {
    const problems = await problemsOf({ text: `${HEADER}\r\n${'x'.repeat(6 * 1024 * 1024)}` });
    expect(problems).toEqual([{ line: null, message: 'The file is 6.0 MiB; the limit is 5 MiB' }]);
  });

  it('a 50 MB file, refused by the server before it reaches the import (413)', async () => {
    const before = app.eventCount();
    const response = await sendImport(app, { fileName: 'huge.csv', format: 'CSV', text: 'x'.repeat(50e6) });
    expect(response.status).toBe(413);
    expect(app.eventCount()).toBe(before);
  });

  it('a change the plan refuses, reported at the line it came from', async () => {
    const text = csv(HEADER, row('1.1'), row('1.2', 'A', { commencing: 'June 2024', dueBy: 'January 2024' }));
    const problems = await problemsOf({ text });
    expect(problems).toEqual([
      {
        line: 3,
        message: 'Add action 1.2 (AMBER): An action cannot commence (2024-06) after it is due (2024-01)',
      },
    ]);
  });

  it('a new plan with no title', async () => {
    const problems = await problemsOf({ text: csv(HEADER, row('1.1')), title: null });
    expect(problems).toEqual([
      { line: null, message: 'A new plan needs a title: the file has none, so give one' },
    ]);
  });
});

describe('importing progress notes that seem to identify a child', () => {
  let app: TestApp;
  const text = csv(
    HEADER,
    row('1.1'),
    row('1.2', 'A', { progress: `Child seen; NHS number ${NHS_NUMBER}.` }),
  );

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  it('refuses the whole import, naming the line, unless acknowledged', async () => {
    const report = await importPlan(app, { fileName: 'plan.csv', format: 'CSV', title: 'Plan', text });
    expect(report.problems).toEqual([
      {
        line: 3,
        message:
          'Action 1.2: a progress paragraph seems to contain an NHS number. Progress notes must not identify ' +
          'children: remove it from the file, or import again acknowledging personal data once checked',
      },
    ]);
    expect(app.eventCount()).toBe(0);
  });

  it('records the note as acknowledged once the person importing has checked it', async () => {
    const report = await importPlan(app, {
      fileName: 'plan.csv',
      format: 'CSV',
      title: 'Plan',
      text,
      acknowledgePersonalData: true,
    });
    expect(report.problems).toEqual([]);
    const note = app.storedEvents().find((event) => event.type === 'ProgressNoteAdded');
    expect(note?.data).toMatchObject({ personalDataAcknowledged: true });
  });
});
