/**
 * XLSX plans: the first worksheet with a header row, in the layout described in csv.ts. Cell line
 * breaks (Alt+Enter) separate lines and blank lines separate paragraphs, as in CSV. The workbook's
 * Title property, when set, is the plan title. Merged cells count once (in their top-left cell).
 */
import type ExcelJS from 'exceljs';
import { MAX_IMPORT_ROWS, tooManyRows } from '../import-limits.js';
import type { PlanDocument } from '../plan-document.js';
import { readHeaderRow } from './headers.js';
import type { OwnerNames } from './owner-cells.js';
import { ParseLog, quote } from './parse-log.js';
import { emptyDocument } from './plan-drafts.js';
import { parseSpreadsheetRows, type SheetRow } from './spreadsheet-rows.js';
import { checkXlsxPackage } from './xlsx-package.js';

const MAX_COLUMNS = 50;

const two = (value: number) => String(value).padStart(2, '0');

/** Excel keeps dates as days; a format without days ("mmm-yy") means the cell is a month. */
function dateText(date: Date, numFmt: string | undefined): string {
  const month = `${date.getUTCFullYear()}-${two(date.getUTCMonth() + 1)}`;
  const showsDay = numFmt === undefined || numFmt === '' || /d/i.test(numFmt.replace(/\[[^\]]*\]/g, ''));
  return showsDay ? `${month}-${two(date.getUTCDate())}` : month;
}

function valueText(value: ExcelJS.CellValue, numFmt: string | undefined): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return dateText(value, numFmt);
  if (typeof value !== 'object') return String(value);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('formula' in value || 'sharedFormula' in value)
    return valueText(value.result as ExcelJS.CellValue, numFmt);
  if ('hyperlink' in value) return valueText(value.text as ExcelJS.CellValue, numFmt);
  if ('error' in value) return value.error;
  return '';
}

function cellText(cell: ExcelJS.Cell): string {
  if (cell.isMerged && cell.master !== cell) return '';
  return valueText(cell.value, cell.numFmt).replace(/\r\n?/g, '\n');
}

function sheetRows(sheet: ExcelJS.Worksheet): SheetRow[] {
  const columns = Math.min(sheet.columnCount, MAX_COLUMNS);
  const rows: SheetRow[] = [];
  for (let line = 1; line <= sheet.rowCount; line += 1) {
    const row = sheet.getRow(line);
    rows.push({
      line,
      cells: Array.from({ length: columns }, (_, index) => cellText(row.getCell(index + 1))),
    });
  }
  return rows;
}

const hasHeader = (rows: readonly SheetRow[]) =>
  rows.slice(0, 10).some((row) => readHeaderRow(row.cells) !== null);

/** Throws ImportTooLarge for a workbook over the caps in import-limits.ts, before it is loaded. */
export async function parseXlsxPlan(
  content: Buffer,
  ownerNames: OwnerNames,
  log: ParseLog,
): Promise<PlanDocument> {
  checkXlsxPackage(content);
  // Loaded only for a workbook within the limits: loading the library takes longer than refusing.
  const { default: excel } = await import('exceljs');
  const workbook = new excel.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ExcelJS.Buffer);
  } catch (error) {
    log.problem(null, `Not a readable XLSX workbook: ${(error as Error).message}`);
    return emptyDocument();
  }
  // Counted before loading too (checkXlsxPackage); here as the library counts them.
  if (workbook.worksheets.some((sheet) => sheet.rowCount > MAX_IMPORT_ROWS)) throw tooManyRows();
  const sheets = workbook.worksheets.map((sheet) => ({ sheet, rows: sheetRows(sheet) }));
  const chosen = sheets.find(({ rows }) => hasHeader(rows)) ?? sheets[0];
  if (chosen === undefined) {
    log.problem(null, 'The workbook has no worksheets');
    return emptyDocument();
  }
  sheets
    .filter(({ sheet }) => sheet !== chosen.sheet && sheet.actualRowCount > 0)
    .forEach(({ sheet }) =>
      log.warn(
        null,
        `Worksheet ${quote(sheet.name)} ignored (the plan is read from ${quote(chosen.sheet.name)})`,
      ),
    );
  const title =
    typeof workbook.title === 'string' && workbook.title.trim() !== '' ? workbook.title.trim() : null;
  return parseSpreadsheetRows(chosen.rows, title, ownerNames, log);
}
