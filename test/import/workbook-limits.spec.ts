import { describe, expect, it } from '@jest/globals';
import { MAX_IMPORT_ROWS } from '../../src/import/import-limits.js';
import { parsePlanDocument, type ParseOutcome } from '../../src/import/parse/parse-plan-document.js';
import { worksheetRows } from '../../src/import/parse/xlsx-package.js';
import { PLAN_HEADER, planRow, sheetXml, workbook } from './workbook-zip.js';

const readXlsx = (content: Buffer) => parsePlanDocument({ fileName: 'plan.xlsx', content });

/** Reads the file and says how long it took. */
async function timed(read: Promise<ParseOutcome>): Promise<ParseOutcome & { ms: number }> {
  const started = performance.now();
  const outcome = await read;
  return { ...outcome, ms: performance.now() - started };
}

const rows = (count: number) => Array.from({ length: count }, (_, index) => planRow(index + 1));

describe('an XLSX over the size limits is refused before the workbook is loaded', () => {
  it('reads a workbook within the limits (the same hand-made kind as the refused ones)', async () => {
    const outcome = await readXlsx(workbook(sheetXml([PLAN_HEADER, ...rows(3)])));
    expect(outcome.tooLarge).toBeNull();
    expect(outcome.problems).toEqual([]);
    expect(outcome.document.themes.flatMap((theme) => theme.actions.map((action) => action.ref))).toEqual([
      '1.1',
      '1.2',
      '1.3',
    ]);
  });

  it('refuses one row numbered 1,000,000: the workbook library would build every row before it', async () => {
    const outcome = await timed(readXlsx(workbook(sheetXml([planRow(1)], 1_000_000))));
    expect(outcome.tooLarge).toMatch(/^The file has more than 20,000 rows/);
    expect(outcome.ms).toBeLessThan(5000);
  });

  it('refuses parts that declare more than 32 MiB unpacked, from the zip directory alone', async () => {
    const declared = { name: 'xl/sharedStrings.xml', content: '<sst/>', declaredSize: 40 * 1024 * 1024 };
    const outcome = await readXlsx(workbook(sheetXml([PLAN_HEADER, planRow(1)]), [declared]));
    expect(outcome.tooLarge).toBe(
      'The workbook unpacks to 40 MiB; the limit is 32 MiB (a plan unpacks to well under 1 MiB)',
    );
  });

  it('stops inflating at 32 MiB a part that declares less than it holds', async () => {
    const lying = {
      name: 'xl/sharedStrings.xml',
      content: Buffer.alloc(33 * 1024 * 1024, 32),
      declaredSize: 1024,
    };
    const file = workbook(sheetXml([PLAN_HEADER, planRow(1)]), [lying]);
    expect(file.length).toBeLessThan(100_000);
    const outcome = await readXlsx(file);
    expect(outcome.tooLarge).toBe(
      'The workbook unpacks to more than that; the limit is 32 MiB (a plan unpacks to well under 1 MiB)',
    );
  });
});

describe('worksheet rows are counted as the workbook library counts them', () => {
  it('counts row elements, and a row number beyond them', () => {
    expect(worksheetRows(sheetXml([['a'], ['b']]))).toBe(2);
    expect(worksheetRows(sheetXml([['a']], 500))).toBe(500);
    expect(worksheetRows('<x:sheetData><x:row r="3"/><x:row/></x:sheetData>')).toBe(4);
  });

  it('stops counting one past the limit', () => {
    expect(worksheetRows('<row/>'.repeat(MAX_IMPORT_ROWS))).toBe(MAX_IMPORT_ROWS);
    expect(worksheetRows('<row/>'.repeat(MAX_IMPORT_ROWS + 5))).toBe(MAX_IMPORT_ROWS + 1);
  });
});
