import { describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
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

async function workbookBuffer(
  build: (workbook: ExcelJS.Workbook, sheet: ExcelJS.Worksheet) => void,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Plan');
  sheet.addRow(HEADER);
  build(workbook, sheet);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const parseXlsx = async (content: Buffer) => parsePlanDocument({ fileName: 'plan.xlsx', content });

describe('reading an XLSX plan', () => {
  it('reads the layout of the CSV file, paragraphs and one owner per line included', async () => {
    const content = await workbookBuffer((workbook, sheet) => {
      workbook.title = 'ILACS improvement plan 2024';
      sheet.addRow([
        '1. Caseloads.',
        'Lower caseloads.',
        'Caseloads were too high.',
        '1.1',
        'Reduce caseloads.\n\nReview weekly.',
        'Service Director\nTeam Managers',
        '2023-12',
        null,
        'A',
        'Staff joined.\n\nCaseloads fell.',
      ]);
      sheet.addRow([
        '1. Caseloads.',
        null,
        null,
        '1.2',
        'Audit.',
        'Lead IRO',
        'March 2024',
        null,
        'Green',
        null,
      ]);
    });
    const { document, problems, warnings } = await parseXlsx(content);
    expect(problems).toEqual([]);
    expect(warnings).toEqual([]);
    expect(document.title).toBe('ILACS improvement plan 2024');
    expect(document.themes).toHaveLength(1);
    expect(document.themes[0]).toMatchObject({
      number: 1,
      title: 'Caseloads',
      whatNeedsToImprove: 'Lower caseloads.',
      inspectorFindings: 'Caseloads were too high.',
      line: 2,
    });
    expect(document.themes[0]!.actions).toEqual([
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
      expect.objectContaining({
        ref: '1.2',
        owners: ['Lead IRO'],
        commencing: '2024-03',
        rag: 'GREEN',
        line: 3,
      }),
    ]);
  });

  it('reads Excel dates (a month when the format shows no day), rich text, formulas and merged theme cells', async () => {
    const content = await workbookBuffer((_workbook, sheet) => {
      const first = sheet.addRow([
        '2. Pre-proceedings',
        null,
        null,
        '2.1',
        { richText: [{ text: 'Pre-proceedings ' }, { text: 'panel', font: { bold: true } }] },
        'Service Manager Operations',
        new Date(Date.UTC(2024, 2, 1)),
        new Date(Date.UTC(2024, 2, 31)),
        { formula: 'LEFT("Green",1)', result: 'G' },
        null,
      ]);
      first.getCell(7).numFmt = 'mmm-yy';
      first.getCell(8).numFmt = 'dd/mm/yyyy';
      sheet.addRow([
        null,
        null,
        null,
        2.2,
        'Framework.',
        'Service Manager Operations',
        null,
        null,
        'b',
        null,
      ]);
      sheet.mergeCells('A2:A3');
    });
    const { document, problems } = await parseXlsx(content);
    expect(problems).toEqual([]);
    expect(document.themes.map((theme) => [theme.number, theme.title])).toEqual([[2, 'Pre-proceedings']]);
    expect(
      document.themes[0]!.actions.map((action) => [
        action.ref,
        action.description,
        action.commencing,
        action.dueBy,
        action.rag,
      ]),
    ).toEqual([
      ['2.1', 'Pre-proceedings panel', '2024-03', '2024-03-31', 'GREEN'],
      ['2.2', 'Framework.', null, null, 'BLUE'],
    ]);
  });

  it('reads the first worksheet with a header row and says which sheets it ignored', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Risks').addRow(['Risk', 'Score']);
    const plan = workbook.addWorksheet('Plan');
    plan.addRow(['Isle of Wight improvement plan']);
    plan.addRow(HEADER);
    plan.addRow([
      '1. Caseloads',
      null,
      null,
      '1.1',
      'Reduce caseloads.',
      'Service Director',
      'December 2023',
      null,
      'A',
      null,
    ]);
    const { document, problems, warnings } = await parseXlsx(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(problems).toEqual([]);
    expect(document.themes[0]!.actions[0]).toMatchObject({ ref: '1.1', line: 3 });
    expect(warnings).toEqual([
      { line: null, message: 'Worksheet "Risks" ignored (the plan is read from "Plan")' },
      { line: 1, message: 'Row above the header ignored: "Isle of Wight improvement plan"' },
    ]);
  });

  it('refuses a workbook with no header row and an unknown RAG, with their rows', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Plan').addRow(['1.1', 'Reduce caseloads.']);
    const noHeader = await parseXlsx(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(noHeader.problems.map((problem) => problem.message)).toContain('No actions found in the file');
    const content = await workbookBuffer((_workbook, sheet) => {
      sheet.addRow([
        '1. Caseloads',
        null,
        null,
        '1.1',
        'Reduce caseloads.',
        'Service Director',
        '2023-12',
        null,
        'X',
        null,
      ]);
    });
    expect((await parseXlsx(content)).problems).toEqual([
      { line: 2, message: expect.stringContaining('unknown RAG status "X"') },
    ]);
  });
});
