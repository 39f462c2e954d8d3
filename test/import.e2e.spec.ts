import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PlanApi } from './support/plan-api.js';
import { IOW_FILE_NAME, importIowPlan, importPlan, iowText } from './support/import-api.js';
import { unsealedEvents } from './support/sealed-events.js';
import { startTestApp, TestClock, type TestApp } from './support/test-app.js';

const MAY_FILE = 'iow-plan-may-2024.txt';

/** The published text as the council might save it a month later: 2.1 slipped to amber, 2.2 moved on. */
function mayUpdate(): string {
  const text = iowText()
    .replace(/(\n2\.1\t[^\n]*\tMarch 2024\t)G\t/, '$1A\t')
    .replace(
      /(\n2\.2\t[^\n]*chaired by the Service Manager\.)/,
      '$1 <p>The panel has met twice and reviewed every family in pre-proceedings.</p>',
    );
  expect(text).not.toBe(iowText());
  return text;
}

describe('importing the Isle of Wight plan and its monthly updates', () => {
  let app: TestApp;
  let api: PlanApi;
  let planId: string;

  beforeAll(async () => {
    app = await startTestApp({ clock: new TestClock().clock });
    api = new PlanApi(app);
  });

  afterAll(async () => {
    await app.close();
  });

  it('a dry run reports what would be created and records nothing', async () => {
    const report = await importIowPlan(app, { dryRun: true });
    expect(report).toMatchObject({
      planId: null,
      dryRun: true,
      created: true,
      appendedEvents: 0,
      problems: [],
    });
    expect(report.summary).toMatchObject({ themesAdded: 9, actionsAdded: 36 });
    expect(report.changes[0]).toEqual({
      line: null,
      message: 'Create plan "Isle of Wight ILACS improvement plan 2024"',
    });
    expect(report.warnings).toContainEqual({
      line: 105,
      message:
        'Theme 4 has no heading in the document (actions 4.1, 4.2, 4.3); imported as an untitled theme',
    });
    expect(app.eventCount()).toBe(0);
    expect(await api.plans()).toEqual([]);
  });

  it('imports the published plan as a new plan: 9 themes, 36 actions, its RAG ratings', async () => {
    const report = await importIowPlan(app);
    expect(report).toMatchObject({ dryRun: false, created: true, problems: [] });
    planId = report.planId!;
    const plan = await api.plan(planId);
    expect(plan?.title).toBe('Isle of Wight ILACS improvement plan 2024');
    expect(plan?.themes.map((theme) => theme.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(plan?.themes[3]?.title).toBeNull();
    expect(plan?.ragSummary).toEqual({ red: 0, amber: 24, green: 7, blue: 0, notRated: 5, total: 36 });
    expect(report.appendedEvents).toBe(app.eventCount());
    expect(report.appendedEvents).toBe(1 + 9 + 36 + report.summary.progressNotesAdded);
  });

  it('keeps what the document says of each action', async () => {
    const actions = await api.actions(planId);
    const byRef = new Map(actions.map((action) => [action.ref, action]));
    expect(byRef.get('1.1')).toMatchObject({
      owners: ['Service Director', 'Service Manager Operations', 'Team Managers'],
      commencing: '2023-12',
      rag: 'AMBER',
    });
    expect(byRef.get('8.1')).toMatchObject({ dueBy: '2024-11', rag: 'AMBER' });
    expect(byRef.get('4.3')?.progressNotes.length).toBeGreaterThan(1);
    expect(byRef.has('6.4')).toBe(false);
  });

  it('re-importing the identical file records nothing', async () => {
    const before = app.eventCount();
    const report = await importIowPlan(app, { planId, title: null });
    expect(report).toMatchObject({ planId, created: false, appendedEvents: 0, changes: [], problems: [] });
    expect(app.eventCount()).toBe(before);
  });

  it('a newer version records only the differences, as ordinary changes naming the file', async () => {
    const before = app.eventCount();
    const dryRun = await importPlan(app, {
      planId,
      fileName: MAY_FILE,
      format: 'TEXT',
      text: mayUpdate(),
      dryRun: true,
    });
    expect(dryRun.changes).toEqual([
      { line: 86, message: 'Action 2.1: RAG GREEN → AMBER' },
      {
        line: 87,
        message: 'Action 2.2: new progress note "The panel has met twice and reviewed every family in pre-…"',
      },
    ]);
    expect(app.eventCount()).toBe(before);

    const report = await importPlan(app, { planId, fileName: MAY_FILE, format: 'TEXT', text: mayUpdate() });
    expect(report).toMatchObject({ appendedEvents: 2, problems: [] });
    expect(report.summary).toMatchObject({ ragChanges: 1, progressNotesAdded: 1, actionsAdded: 0 });
    const appended = unsealedEvents(app).slice(before);
    expect(appended.map(({ type, data }) => ({ type, data }))).toEqual([
      {
        type: 'RagStatusChanged',
        data: expect.objectContaining({ from: 'GREEN', to: 'AMBER', reason: `imported from ${MAY_FILE}` }),
      },
      {
        type: 'ProgressNoteAdded',
        data: expect.objectContaining({
          text: 'The panel has met twice and reviewed every family in pre-proceedings.',
        }),
      },
    ]);
    // One append: the changes share the request's correlation id.
    expect(new Set(appended.map((event) => event.metadata.correlationId)).size).toBe(1);
  });

  it('importing the older file again does not undo the notes, but does move the RAG back', async () => {
    const report = await importPlan(app, {
      planId,
      fileName: IOW_FILE_NAME,
      format: 'TEXT',
      text: iowText(),
    });
    expect(report.changes).toEqual([{ line: 86, message: 'Action 2.1: RAG AMBER → GREEN' }]);
  });

  it('leaves actions missing from the file alone and says so', async () => {
    const text = iowText().replace(/\n9\.2\t[^\n]*/, '');
    const report = await importPlan(app, {
      planId,
      fileName: 'short.txt',
      format: 'TEXT',
      text,
      dryRun: true,
    });
    expect(report.changes).toEqual([]);
    expect(report.warnings).toContainEqual({
      line: null,
      message:
        'Action 9.2 is in the plan but not in the file: it is left as it is (withdraw it in the plan if it no longer belongs)',
    });
  });
});

describe('the importPlan request itself', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  const UNKNOWN_ID = '3b0f6c1e-7d8a-4c52-9e0b-2f4a6d8c1e3f';

  it.each([
    [{ text: 'x', base64: 'eA==' }, 'BAD_USER_INPUT', 'base64'],
    [{}, 'BAD_USER_INPUT', 'text'],
    [{ format: 'XLSX', text: 'x' }, 'BAD_USER_INPUT', 'text'],
    [{ base64: 'not base64!' }, 'BAD_USER_INPUT', 'base64'],
    [{ text: 'x', planId: UNKNOWN_ID }, 'NOT_FOUND', 'planId'],
    [{ text: 'x', planId: 'plan-1' }, 'BAD_USER_INPUT', 'planId'],
    [{ text: 'x', planId: UNKNOWN_ID, title: 'A new title' }, 'BAD_USER_INPUT', 'title'],
  ])('refuses %j with %s on %s, recording nothing', async (input, code, field) => {
    await new PlanApi(app).rejectsRequest(
      () => app.graphql(IMPORT_PLAN_ID, { input: { fileName: 'plan.csv', format: 'CSV', ...input } }),
      { code, field },
    );
  });
});

const IMPORT_PLAN_ID = 'mutation ($input: ImportPlanInput!) { importPlan(input: $input) { planId } }';
