/**
 * The text rule (src/shared/text-rule.ts) on what an imported file holds, as on what the API is
 * sent: a cell the API would refuse is a problem of the import, naming its row and column, so a
 * file never records text that could not be typed in. Line ends are the file's (a lone carriage
 * return ends a line in an old file), and a blank cell is no text at all.
 */
import { textFault } from '../../shared/text-rule.js';
import { COLUMN_NAMES, type RowCells } from './headers.js';
import type { ParseLog } from './parse-log.js';

const faultIn = (text: string) => textFault(text.replace(/\r\n?/g, '\n'), { blankAllowed: true });

/** Logs a problem for each cell of a row that holds text the API would refuse. */
export function checkRowText(line: number, cells: RowCells, log: ParseLog): void {
  for (const [column, text] of Object.entries(cells) as [keyof RowCells, string][]) {
    const fault = faultIn(text);
    if (fault) log.problem(line, `Column "${COLUMN_NAMES[column]}" ${fault.message}`);
  }
}

/** Logs a problem for a line of a text file that holds text the API would refuse. */
export function checkLineText(line: number, text: string, log: ParseLog): void {
  const fault = faultIn(text);
  if (fault) log.problem(line, `The line ${fault.message}`);
}

/** Logs a problem when the workbook's title holds text the API would refuse. */
export function checkTitleText(title: string, log: ParseLog): void {
  const fault = faultIn(title);
  if (fault) log.problem(null, `The workbook's title ${fault.message}`);
}
