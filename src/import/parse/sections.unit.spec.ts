import { describe, expect, it } from '@jest/globals';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { ParseResult } from '../plan-document.js';
import { parsePlanDocument } from './parse-plan-document.js';

/**
 * Older plans number actions by the paragraphs of the inspection report: section "1." holds 9.1–9.4
 * and section "2." holds 10.1–10.2. An action belongs to the section it is written under.
 */
const SECTIONS = [
  { heading: '1. Caseloads', refs: ['9.1', '9.2', '9.3', '9.4'] },
  { heading: '2. Pre-proceedings', refs: ['10.1', '10.2'] },
];

const TEXT_HEADER = 'Ref\tAction\tAction Owner\tCommencing\tRAG\tProgress and Impact to date';
const SHEET_HEADER = ['Theme', 'Ref', 'Action', 'Action Owner', 'Commencing', 'RAG', 'Progress'];
const textRow = (ref: string) => `${ref}\tAction ${ref}.\tLead IRO\tMarch 2024\tA\t`;
const sheetRow = (theme: string, ref: string) => [
  theme,
  ref,
  `Action ${ref}.`,
  'Lead IRO',
  '2024-03',
  'A',
  '',
];

const parse = (fileName: string, content: Buffer | string) =>
  parsePlanDocument({ fileName, content: Buffer.isBuffer(content) ? content : Buffer.from(content) });

const shape = ({ document }: ParseResult) =>
  document.themes.map((theme) => [theme.number, theme.title, theme.actions.map((action) => action.ref)]);

const WRITTEN_UNDER = [
  [1, 'Caseloads', ['9.1', '9.2', '9.3', '9.4']],
  [2, 'Pre-proceedings', ['10.1', '10.2']],
];

/** The sections as rows of a sheet; the Theme cell on every row, or on the first row of each only. */
function sheetRows(themeOnEveryRow: boolean): string[][] {
  return SECTIONS.flatMap(({ heading, refs }) =>
    refs.map((ref, index) => sheetRow(themeOnEveryRow || index === 0 ? heading : '', ref)),
  );
}

async function workbook(rows: string[][], mergeThemeCells: boolean): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Plan');
  sheet.addRow(SHEET_HEADER);
  rows.forEach((row) => sheet.addRow(row));
  if (mergeThemeCells) {
    sheet.mergeCells('A2:A5');
    sheet.mergeCells('A6:A7');
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('actions belong to the section they are written under', () => {
  it('in a Word table pasted as text, with prose labels under each heading', async () => {
    const lines = SECTIONS.flatMap(({ heading, refs }) => [
      heading,
      'What needs to improve?',
      `Better ${heading.slice(3).toLowerCase()}.`,
      TEXT_HEADER,
      ...refs.map(textRow),
    ]);
    const result = await parse('plan.txt', lines.join('\n'));
    expect(result.problems).toEqual([]);
    expect(shape(result)).toEqual(WRITTEN_UNDER);
    expect(result.document.themes[1]!.whatNeedsToImprove).toBe('Better pre-proceedings.');
    expect(result.warnings).toEqual([]);
  });

  it('in a Word table pasted as text, with the table straight under each heading', async () => {
    const lines = SECTIONS.flatMap(({ heading, refs }) => [heading, '', TEXT_HEADER, ...refs.map(textRow)]);
    const result = await parse('plan.txt', lines.join('\n'));
    expect(result.problems).toEqual([]);
    expect(shape(result)).toEqual(WRITTEN_UNDER);
    expect(result.warnings).toEqual([]);
  });

  it('in a CSV file, whether the Theme cell is on every row or only the first of its section', async () => {
    for (const themeOnEveryRow of [true, false]) {
      const result = await parse('plan.csv', stringify([SHEET_HEADER, ...sheetRows(themeOnEveryRow)]));
      expect(result.problems).toEqual([]);
      expect(shape(result)).toEqual(WRITTEN_UNDER);
      expect(result.warnings).toEqual([]);
    }
  });

  it('in a CSV file whose Theme cells give titles without numbers', async () => {
    const rows = sheetRows(true).map(([theme, ...rest]) => [theme!.slice(3), ...rest]);
    const result = await parse('plan.csv', stringify([SHEET_HEADER, ...rows]));
    expect(shape(result)).toEqual([
      [9, 'Caseloads', ['9.1', '9.2', '9.3', '9.4']],
      [10, 'Pre-proceedings', ['10.1', '10.2']],
    ]);
  });

  it('in an XLSX workbook with each section’s Theme cell merged down its rows', async () => {
    const result = await parse('plan.xlsx', await workbook(sheetRows(false), true));
    expect(result.problems).toEqual([]);
    expect(shape(result)).toEqual(WRITTEN_UNDER);
    expect(result.warnings).toEqual([]);
  });
});

describe('the ref’s number is only the fallback where no heading says', () => {
  it('files a text table with no heading above it by its refs, and warns', async () => {
    const result = await parse('plan.txt', [TEXT_HEADER, textRow('9.1'), textRow('10.1')].join('\n'));
    expect(shape(result)).toEqual([
      [9, null, ['9.1']],
      [10, null, ['10.1']],
    ]);
    expect(result.warnings.map((warning) => warning.message)).toEqual([
      'Theme 9 has no heading in the document (actions 9.1); imported as an untitled theme',
      'Theme 10 has no heading in the document (actions 10.1); imported as an untitled theme',
    ]);
  });

  it('keeps an action numbered apart from its neighbours under the heading above it, and warns', async () => {
    const result = await parse(
      'plan.txt',
      ['1. Caseloads', TEXT_HEADER, textRow('1.1'), textRow('2.1')].join('\n'),
    );
    expect(shape(result)).toEqual([[1, 'Caseloads', ['1.1', '2.1']]]);
    expect(result.warnings).toEqual([
      {
        line: 4,
        message:
          'Action 2.1 is written under theme 1 among actions numbered 1.x; filed under theme 1, the heading above it',
      },
    ]);
  });

  it('keeps a CSV row with a blank Theme cell in the theme above, and warns when its ref says otherwise', async () => {
    const rows = [sheetRow('1. Caseloads', '1.1'), sheetRow('', '1.2'), sheetRow('', '2.1')];
    const result = await parse('plan.csv', stringify([SHEET_HEADER, ...rows]));
    expect(shape(result)).toEqual([[1, 'Caseloads', ['1.1', '1.2', '2.1']]]);
    expect(result.warnings).toEqual([
      {
        line: 4,
        message:
          'Action 2.1 has a blank Theme cell among actions numbered 1.x; filed under theme 1, the theme above it',
      },
    ]);
  });

  it('files the rows of a CSV file with no Theme column by their refs, and says so', async () => {
    const rows = sheetRows(true).map(([, ...rest]) => rest);
    const result = await parse('plan.csv', stringify([SHEET_HEADER.slice(1), ...rows]));
    expect(shape(result)).toEqual([
      [9, null, ['9.1', '9.2', '9.3', '9.4']],
      [10, null, ['10.1', '10.2']],
    ]);
    expect(result.warnings[0]).toEqual({
      line: 1,
      message: 'No "Theme" column: actions are filed by the number their ref starts with',
    });
  });
});
