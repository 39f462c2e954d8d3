import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { importIowPlan, importPlan } from './support/import-api.js';
import { csvRecords, download } from './support/export-api.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('exporting the Isle of Wight plan and importing it back', () => {
  let app: TestApp;
  let planId: string;

  beforeAll(async () => {
    app = await startTestApp();
    planId = (await importIowPlan(app)).planId!;
  });

  afterAll(async () => {
    await app.close();
  });

  it('exports CSV in the council layout, as a named attachment', async () => {
    const csv = await download(app, planId, 'csv');
    expect(csv).toMatchObject({
      status: 200,
      contentType: 'text/csv; charset=utf-8',
      disposition: 'attachment; filename="isle-of-wight-ilacs-improvement-plan-2024.csv"',
    });
    const records = csvRecords(csv.body);
    expect(Object.keys(records[0]!)).toEqual([
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
    ]);
    expect(records).toHaveLength(36);
    expect(records[0]).toMatchObject({
      Theme: '1. Caseloads and the impact this has on the quality of work and intervention',
      Ref: '1.1',
      'Action Owner': 'Service Director\nService Manager Operations\nTeam Managers',
      Commencing: 'December 2023',
      RAG: 'A',
    });
    expect(records.find((record) => record.Ref === '4.1')).toMatchObject({ Theme: '4.', RAG: '' });
    expect(records.find((record) => record.Ref === '8.1')).toMatchObject({ 'Due by': 'November 2024' });
  });

  it('CSV round trip: importing the export into the same plan changes nothing', async () => {
    const before = app.eventCount();
    const csv = await download(app, planId, 'csv');
    const report = await importPlan(app, {
      planId,
      fileName: 'export.csv',
      format: 'CSV',
      text: csv.body.toString('utf8'),
    });
    expect(report).toMatchObject({ problems: [], changes: [], appendedEvents: 0 });
    expect(app.eventCount()).toBe(before);
  });

  it('XLSX round trip: importing the export into the same plan changes nothing', async () => {
    const before = app.eventCount();
    const xlsx = await download(app, planId, 'xlsx');
    expect(xlsx).toMatchObject({
      status: 200,
      contentType: XLSX_TYPE,
      disposition: 'attachment; filename="isle-of-wight-ilacs-improvement-plan-2024.xlsx"',
    });
    const report = await importPlan(app, {
      planId,
      fileName: 'export.xlsx',
      format: 'XLSX',
      base64: xlsx.body.toString('base64'),
    });
    expect(report).toMatchObject({ problems: [], changes: [], appendedEvents: 0 });
    expect(app.eventCount()).toBe(before);
  });

  it('an export imported as a new plan exports exactly the same again', async () => {
    const first = await download(app, planId, 'csv');
    const xlsx = await download(app, planId, 'xlsx');
    const fromCsv = await importPlan(app, {
      fileName: 'a.csv',
      format: 'CSV',
      text: first.body.toString(),
      title: 'Copy',
    });
    const fromXlsx = await importPlan(app, {
      fileName: 'a.xlsx',
      format: 'XLSX',
      base64: xlsx.body.toString('base64'),
    });
    expect(fromXlsx.problems).toEqual([]);
    expect((await download(app, fromCsv.planId!, 'csv')).body.equals(first.body)).toBe(true);
    expect((await download(app, fromXlsx.planId!, 'csv')).body.equals(first.body)).toBe(true);
  });
});
