/**
 * CSV plans, and the layout shared with XLSX (see xlsx.ts) and written by the export.
 *
 * One header row, then one row per action. Columns, in this order (headers are matched tolerantly,
 * so "Owner(s)", "Status" or "Due by" also work, and a column may be left out):
 *
 *   Theme | What needs to improve | What inspectors found | Ref | Action | Action Owner |
 *   Commencing | Due by | RAG | Progress and Impact to date
 *
 * - Theme: number and title, "1. Caseloads and the impact …"; "4." (number only) for an untitled
 *   theme. Written on every row of the theme; a blank cell means the theme of the row above. A row
 *   belongs to that theme whatever its ref says (older plans number actions by the inspection
 *   report's paragraphs: theme 1 holding 9.1–9.4); only where no theme is named does the number
 *   the ref starts with file it, and the untitled theme is reported.
 * - What needs to improve, What inspectors found: the theme's prose, on the first row of the theme
 *   (later rows of the same theme leave it blank).
 * - Ref as written ("1.10", "6.5"). Action: the description.
 * - Action Owner: one owner per line inside the cell. A single line is split on known roles and on
 *   ",", "and", "&" as in the Word table.
 * - Commencing, Due by: "YYYY-MM" (a month) or "YYYY-MM-DD"; "December 2023" and "31/03/2024" also read.
 * - RAG: Red, Amber, Green, Blue (or R, A, G, B); blank for not yet rated.
 * - Multi-paragraph cells (Action, Progress, prose): paragraphs separated by a blank line.
 * - A row with a blank Ref and no action cells only names a theme (so a theme with no actions can be
 *   written); a blank Ref with action cells continues the action above.
 *
 * Rows are counted as a spreadsheet shows them (the header is row 1); warnings and problems use them.
 * Files are UTF-8 (a byte-order mark is fine), comma-separated, fields quoted as RFC 4180.
 */
import { CsvError, parse } from 'csv-parse/sync';
import { MAX_IMPORT_ROWS, tooManyRows } from '../import-limits.js';
import type { PlanDocument } from '../plan-document.js';
import { restoreFormulaText } from '../../shared/spreadsheet-formula.js';
import type { OwnerNames } from './owner-cells.js';
import { ParseLog } from './parse-log.js';
import { emptyDocument } from './plan-drafts.js';
import { parseSpreadsheetRows } from './spreadsheet-rows.js';

/** Throws ImportTooLarge for more than MAX_IMPORT_ROWS records: the parser stops at one past it. */
export function parseCsvPlan(text: string, ownerNames: OwnerNames, log: ParseLog): PlanDocument {
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
      to: MAX_IMPORT_ROWS + 1,
    });
  } catch (error) {
    const line = error instanceof CsvError && typeof error.lines === 'number' ? error.lines : null;
    log.problem(line, `Not a readable CSV file: ${(error as Error).message}`);
    return emptyDocument();
  }
  if (records.length > MAX_IMPORT_ROWS) throw tooManyRows();
  const rows = records.map((cells, index) => ({ line: index + 1, cells: cells.map(restoreFormulaText) }));
  return parseSpreadsheetRows(rows, null, ownerNames, log);
}
