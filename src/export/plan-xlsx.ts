import type { PlanDate } from '../plans/domain/plan-date.js';
import type { Plan } from '../plans/domain/plan.js';
import { EXPORT_COLUMNS, EXPORT_HEADER, planRows, type PlanRow } from './plan-rows.js';

const WIDTHS: Partial<Record<keyof PlanRow, number>> = {
  theme: 30,
  whatNeedsToImprove: 40,
  inspectorFindings: 40,
  ref: 7,
  description: 60,
  owners: 28,
  commencing: 15,
  dueBy: 15,
  rag: 6,
  progress: 70,
};

const RAG_FILLS: Record<string, string> = { R: 'FFE06666', A: 'FFFFC000', G: 'FF6AA84F', B: 'FF3D85C6' };

/**
 * The plan as an XLSX workbook in the council layout: one worksheet, the plan's title as the
 * workbook title (which the import reads back), real dates shown as "December 2023" so a council can
 * sort and filter by them, and coloured RAG cells.
 */
export async function exportPlanXlsx(plan: Plan): Promise<Buffer> {
  // Loaded when first used: a quarter of a second less for every start.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.title = plan.title;
  workbook.creator = 'Improvement plan tracker';
  const sheet = workbook.addWorksheet('Improvement plan', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = EXPORT_COLUMNS.map((column) => ({ width: WIDTHS[column] ?? 20 }));
  const header = sheet.addRow([...EXPORT_HEADER]);
  header.font = { bold: true };
  for (const row of planRows(plan)) {
    const added = sheet.addRow(EXPORT_COLUMNS.map((column) => cellValue(row, column)));
    added.alignment = { vertical: 'top', wrapText: true };
    EXPORT_COLUMNS.forEach((column, index) => {
      const cell = added.getCell(index + 1);
      if (column === 'commencing' || column === 'dueBy') cell.numFmt = dateFormat(row[column]);
      const fill = column === 'rag' ? RAG_FILLS[row.rag] : undefined;
      if (fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } };
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function cellValue(row: PlanRow, column: keyof PlanRow): string | Date | null {
  if (column === 'commencing' || column === 'dueBy') return excelDate(row[column]);
  return row[column] === '' ? null : literalXlsxText(row[column]);
}

/**
 * XLSX reads "_x000D_" in a cell as the character it encodes (how the format writes controls), and
 * the writer does not escape text that only looks like one: the format's own escape for "_" keeps
 * "_x0041_" as typed instead of turning it into "A".
 */
export const literalXlsxText = (text: string): string => text.replace(/_(?=x[0-9a-f]{4}_)/gi, '_x005F_');

/** Excel keeps a day; midnight UTC, which the import reads back in UTC, so no time zone can shift it. */
function excelDate(date: PlanDate | null): Date | null {
  if (date === null) return null;
  const [year, month, day] = date.split('-').map(Number) as [number, number, number | undefined];
  return new Date(Date.UTC(year, month - 1, day ?? 1));
}

/** A format without a day is how the import tells a month ("December 2023") from a date. */
function dateFormat(date: PlanDate | null): string {
  return date !== null && date.length === 10 ? 'd mmmm yyyy' : 'mmmm yyyy';
}
