import { stringify } from 'csv-stringify/sync';
import { planDateText } from '../import/plan-date-text.js';
import type { Plan } from '../plans/domain/plan.js';
import { neutraliseFormula } from '../shared/spreadsheet-formula.js';
import { EXPORT_COLUMNS, EXPORT_HEADER, planRows } from './plan-rows.js';

/**
 * The plan as a CSV file in the council layout, readable by the import as it stands. A byte-order
 * mark and CRLF line ends make Excel open it as UTF-8 with apostrophes and accents intact;
 * cells that Excel would run as formulas are neutralised.
 */
export function exportPlanCsv(plan: Plan): string {
  const rows = planRows(plan).map((row) =>
    EXPORT_COLUMNS.map((column) => {
      if (column === 'commencing' || column === 'dueBy') return planDateText(row[column]);
      return neutraliseFormula(row[column]);
    }),
  );
  // A line break inside a cell is quoted too, or Excel starts a new row at it.
  return stringify([EXPORT_HEADER, ...rows], {
    bom: true,
    record_delimiter: 'windows',
    quoted_match: /[\r\n]/,
  });
}
