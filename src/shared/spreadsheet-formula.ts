/**
 * A CSV cell starting with = + - @ (or a tab or carriage return) runs as a formula when the file
 * is opened in Excel: a note could fetch data or run commands on a board member's machine (CSV
 * injection). Export prefixes such cells with an apostrophe, which Excel shows as text; import
 * removes that apostrophe again, so a file round-trips unchanged. A cell whose own text already
 * starts with apostrophes before such a character ("'=1+1" as typed) gets one more, so the one
 * the import removes is always the export's.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;
const NEUTRALISED = /^'+[=+\-@\t\r]/;

export const neutraliseFormula = (cell: string): string => (FORMULA_START.test(cell) ? `'${cell}` : cell);
export const restoreFormulaText = (cell: string): string => (NEUTRALISED.test(cell) ? cell.slice(1) : cell);
