import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PlanApi } from './support/plan-api.js';
import { reimportExport } from './support/import-api.js';
import { csvRecords, download } from './support/export-api.js';
import { startTestApp, TestClock, type TestApp } from './support/test-app.js';

/** A plan typed into the app, with everything a spreadsheet could garble. */
async function awkwardPlan(api: PlanApi) {
  const plan = await api.createPlan({ title: 'Plan: “Children’s Services” 2024/25' });
  const theme = await api.addTheme(plan.id, {
    number: 1,
    title: 'Caseloads & <b>supervision</b>.',
    whatNeedsToImprove: 'Caseloads.\n\nSupervision &amp; oversight.',
  });
  await api.addTheme(plan.id, { number: 4 });
  await api.addTheme(plan.id, { number: 10, title: 'Workforce' });
  const awkward = await api.addAction(plan.id, theme.id, {
    ref: '1.10',
    description: 'Keep caseloads <20 & review <p>weekly</p>.\n\nSecond paragraph, with "quotes".',
    owners: ['Head of Service, Early Help', 'Service Manager Operations and IOWSCP', 'Lead IRO'],
    commencing: '2024-03-31',
    dueBy: '2024-12',
    rag: 'BLUE',
  });
  await api.addProgressNote(awkward.id, 'First audit done.\n\nSecond audit planned.');
  await api.addProgressNote(awkward.id, 'Line one\nline two of the same paragraph.');
  // Cells Excel would run as formulas: the CSV neutralises them and the import restores them.
  const formulaLike = await api.addAction(plan.id, theme.id, {
    ref: '1.11',
    description: '=HYPERLINK("https://example.org","audit")',
  });
  await api.addProgressNote(formulaLike.id, '-2 vacancies since March; +1 agency worker.');
  const withdrawn = await api.addAction(plan.id, theme.id, { ref: 'A3', description: 'Merged into 1.10.' });
  await api.withdrawAction(withdrawn.id, 'Merged into 1.10');
  return { plan, awkward };
}

describe('exporting a plan typed into the app', () => {
  let app: TestApp;
  let api: PlanApi;
  let planId: string;
  let actionId: string;
  let beforeRagChange: string;
  const clock = new TestClock();

  beforeAll(async () => {
    app = await startTestApp({ clock: clock.clock });
    api = new PlanApi(app);
    const { plan, awkward } = await awkwardPlan(api);
    planId = plan.id;
    actionId = awkward.id;
  });

  afterAll(async () => {
    await app.close();
  });

  it.each(['csv', 'xlsx'] as const)(
    '%s round trip: markup, days, BLUE, owners, paragraphs come back unchanged',
    async (format) => {
      const before = app.eventCount();
      const report = await reimportExport(app, planId, format);
      expect(report).toMatchObject({ problems: [], changes: [], appendedEvents: 0 });
      expect(
        report.warnings.filter((warning) => !/^Theme \d+ has no|has no action owner/.test(warning.message)),
      ).toEqual([]);
      expect(app.eventCount()).toBe(before);
    },
  );

  it('leaves withdrawn actions out, and writes a theme with no actions on a row of its own', async () => {
    const records = csvRecords((await download(app, planId, 'csv')).body);
    expect(records.map((record) => [record.Theme, record.Ref])).toEqual([
      ['1. Caseloads & <b>supervision</b>.', '1.10'],
      ['1. Caseloads & <b>supervision</b>.', '1.11'],
      ['4.', ''],
      ['10. Workforce', ''],
    ]);
    expect(records[0]).toMatchObject({ Commencing: '31 March 2024', 'Due by': 'December 2024', RAG: 'B' });
  });

  it('exports the plan as recorded at asOf, named for that day', async () => {
    // Inclusive: a millisecond before the change is recorded.
    beforeRagChange = new Date(Date.parse(clock.peek()) - 1).toISOString();
    await api.changeRagStatus(actionId, 'RED', 'Caseloads rose again after two leavers');
    const now = csvRecords((await download(app, planId, 'csv')).body);
    const then = await download(app, planId, 'csv', beforeRagChange);
    expect(now[0]?.RAG).toBe('R');
    expect(csvRecords(then.body)[0]?.RAG).toBe('B');
    expect(then.disposition).toBe(
      'attachment; filename="plan-children-s-services-2024-25-as-of-2024-04-25.csv"',
    );
    const xlsx = await download(app, planId, 'xlsx', beforeRagChange);
    expect(xlsx.status).toBe(200);
  });

  it.each([
    ['an unknown plan', '3b0f6c1e-7d8a-4c52-9e0b-2f4a6d8c1e3f', undefined, 404],
    ['an asOf before the plan existed', undefined, '2020-01-01T00:00:00Z', 404],
    ['an asOf that is not an instant', undefined, 'last Tuesday', 400],
    ['an asOf without a time zone', undefined, '2024-04-25T09:00:00', 400],
  ])('answers %s with a JSON error', async (_, otherPlanId, asOf, status) => {
    for (const format of ['csv', 'xlsx'] as const) {
      const response = await download(app, otherPlanId ?? planId, format, asOf);
      expect(response.status).toBe(status);
      expect(response.contentType).toMatch(/^application\/json/);
      expect(JSON.parse(response.body.toString())).toMatchObject({
        statusCode: status,
        message: expect.any(String),
      });
    }
  });
});

describe('a CSV export opened in Excel', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ clock: new TestClock().clock });
  });

  afterAll(async () => {
    await app.close();
  });

  it('holds no cell that Excel would run as a formula', async () => {
    const { plan } = await awkwardPlan(new PlanApi(app));
    const file = await download(app, plan.id, 'csv');
    const cells = (parse(file.body.toString(), { bom: true, relax_column_count: true }) as string[][]).flat();
    expect(cells.filter((cell) => /^[=+\-@]/.test(cell))).toEqual([]);
    expect(cells).toContain(`'=HYPERLINK("https://example.org","audit")`);
    expect(cells).toContain(`'-2 vacancies since March; +1 agency worker.`);
  });
});
