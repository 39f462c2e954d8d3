import { describe, expect, it } from '@jest/globals';
import type { ParseResult } from '../../src/import/plan-document.js';
import { MAX_IMPORT_BYTES, parsePlanDocument } from '../../src/import/parse/parse-plan-document.js';

const HEADER = 'Ref\tAction\tAction Owner\tCommencing\tRAG\tProgress and Impact to date';
const ROW = '1.1\tReduce caseloads.\tService Director\tDecember 2023\tA\tStaff joined.';

const parseText = (...lines: string[]) =>
  parsePlanDocument({ fileName: 'plan.txt', content: Buffer.from(lines.join('\n'), 'utf8') });

const messages = (result: ParseResult) => result.problems.map((problem) => problem.message);

describe('files the import refuses (problems, so nothing is appended)', () => {
  it('refuses text with no header row', async () => {
    const result = await parseText('1. Caseloads', '1.1 Reduce caseloads. Service Director');
    expect(messages(result)).toEqual([
      'No table header row found (a row with at least "Ref" and "Action" columns)',
      'No actions found in the file',
    ]);
  });

  it('refuses a table with a header and no actions', async () => {
    const result = await parseText('1. Caseloads', HEADER);
    expect(messages(result)).toEqual(['No actions found in the file']);
  });

  it('refuses a row with cells before any header row, with its line', async () => {
    const result = await parseText('1. Caseloads', ROW, HEADER);
    expect(result.problems).toContainEqual({
      line: 2,
      message: 'A table row with no header row above it (such as "Ref  Action  Action Owner …")',
    });
  });

  it('refuses an unknown RAG letter, with its line', async () => {
    const result = await parseText('1. Caseloads', HEADER, ROW, '1.2\tAudit.\tLead IRO\tMay 2024\tX\t');
    expect(result.problems).toEqual([
      {
        line: 4,
        message:
          'Action 1.2: unknown RAG status "X" (use R, A, G, B, the words Red, Amber, Green, Blue, or leave it blank for not yet rated)',
      },
    ]);
  });

  it('refuses a ref used twice, naming both lines', async () => {
    const result = await parseText('1. Caseloads', HEADER, ROW, ROW.replace('Reduce', 'Keep'));
    expect(result.problems).toEqual([{ line: 4, message: 'Ref 1.1 is used twice (lines 3 and 4)' }]);
  });

  it('refuses a ref that is not a ref', async () => {
    const result = await parseText('1. Caseloads', HEADER, ROW, '1.2 (new)\tAudit.\tLead IRO\tMay 2024\tA\t');
    expect(result.problems).toEqual([
      { line: 4, message: expect.stringContaining('Action "1.2 (new)": ref must look like') },
    ]);
  });

  it('refuses an action with no description', async () => {
    const result = await parseText('1. Caseloads', HEADER, '1.1\t\tLead IRO\tMay 2024\tA\t');
    expect(result.problems).toEqual([{ line: 3, message: 'Action 1.1 has no description' }]);
  });

  it('refuses a date it cannot read, with its line; a "TBC" is only a warning', async () => {
    const result = await parseText('1. Caseloads', HEADER, ROW.replace('December 2023', 'Spring 2024'));
    expect(result.problems).toEqual([
      {
        line: 3,
        message:
          'Action 1.1: Commencing "Spring 2024" is not a date we can read (write a month like "December 2023" or a date like "31/03/2024")',
      },
    ]);
    const placeholder = await parseText('1. Caseloads', HEADER, ROW.replace('December 2023', 'TBC'));
    expect(placeholder.problems).toEqual([]);
    expect(placeholder.document.themes[0]!.actions[0]!.commencing).toBeNull();
  });

  it('refuses a continuation row with no action above it', async () => {
    const result = await parseText('1. Caseloads', HEADER, '\tMore text.\t\t\t\t');
    expect(result.problems).toContainEqual({
      line: 3,
      message: 'A continuation row (blank ref) with no action above it',
    });
  });

  it('refuses text that is not UTF-8 (Windows-1252), with the line of the first bad byte', async () => {
    const windows1252 = Buffer.concat([
      Buffer.from(`1. Caseloads\n${HEADER}\n1.1\tReview children`),
      Buffer.from([0x92]),
      Buffer.from('s files.\tLead IRO\tMay 2024\tA\t'),
    ]);
    const result = await parsePlanDocument({ fileName: 'plan.txt', content: windows1252 });
    expect(result.problems).toEqual([
      { line: 3, message: 'The file is not UTF-8 text (perhaps Windows-1252, "ANSI"); save it as UTF-8' },
    ]);
    expect(result.document.themes).toEqual([]);
  });

  it('refuses text already damaged into replacement characters, with its line', async () => {
    const result = await parseText('1. Caseloads', HEADER, ROW.replace('Reduce', 'children\uFFFDs'));
    expect(result.problems).toEqual([
      { line: 3, message: expect.stringContaining('replacement characters') },
    ]);
  });

  it('refuses UTF-16 text and a workbook named .txt', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${HEADER}\n${ROW}`, 'utf16le')]);
    expect(messages(await parsePlanDocument({ fileName: 'plan.txt', content: utf16 }))).toEqual([
      'The file is UTF-16 text; save it as UTF-8',
    ]);
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]);
    expect(messages(await parsePlanDocument({ fileName: 'plan.txt', content: zip }))).toEqual([
      'This is a Word or Excel file, not text: paste the plan’s table into a .txt file, or save it as .xlsx',
    ]);
  });

  it('refuses a file over 5 MiB at once, without reading it', async () => {
    const fiftyMegabytes = Buffer.alloc(50 * 1024 * 1024, 'Ref\tAction\n');
    const started = performance.now();
    const result = await parsePlanDocument({ fileName: 'plan.txt', content: fiftyMegabytes });
    expect(performance.now() - started).toBeLessThan(200);
    expect(result.problems).toEqual([{ line: null, message: 'The file is 50.0 MiB; the limit is 5 MiB' }]);
    expect(result.document).toEqual({ title: null, inspection: null, themes: [] });
  });

  it('reads a file of exactly 5 MiB, and refuses one byte more', async () => {
    const sizeProblem = (result: ParseResult) =>
      messages(result).some((message) => message.includes('limit'));
    const atLimit = Buffer.alloc(MAX_IMPORT_BYTES, ' ');
    expect(sizeProblem(await parsePlanDocument({ fileName: 'plan.txt', content: atLimit }))).toBe(false);
    const overLimit = Buffer.alloc(MAX_IMPORT_BYTES + 1, ' ');
    expect(sizeProblem(await parsePlanDocument({ fileName: 'plan.txt', content: overLimit }))).toBe(true);
  });

  it('refuses a file whose format it cannot tell, and a workbook it cannot open', async () => {
    expect(messages(await parsePlanDocument({ fileName: 'plan.docx', content: Buffer.from('x') }))).toEqual([
      'Cannot tell the format of "plan.docx": import a .txt, .tsv, .csv or .xlsx file',
    ]);
    const notAWorkbook = await parsePlanDocument({
      fileName: 'plan.xlsx',
      content: Buffer.from('Ref,Action'),
    });
    expect(messages(notAWorkbook)).toEqual([expect.stringMatching(/^Not a readable XLSX workbook/)]);
  });

  it('refuses a CSV file with an unclosed quote, with its line', async () => {
    const csv = 'Theme,Ref,Action\n1. Caseloads,1.1,"Reduce caseloads\n1. Caseloads,1.2,Audit\n';
    const result = await parsePlanDocument({ fileName: 'plan.csv', content: Buffer.from(csv) });
    expect(result.problems).toEqual([
      { line: expect.any(Number), message: expect.stringMatching(/^Not a readable CSV file/) },
    ]);
  });
});
