/**
 * The rows of a CSV file or an XLSX worksheet (the layout is described in csv.ts): one row per action,
 * its theme named in a "Theme" column. A row with a blank ref and no action cells only names a theme
 * (and may carry its prose); a blank ref with action cells continues the action above.
 */
import type { PlanDocument } from '../plan-document.js';
import { type ActionDraft, continueAction, startAction } from './action-drafts.js';
import {
  type Column,
  COLUMN_NAMES,
  cellsByColumn,
  type HeaderRow,
  isBlankRow,
  isRuleRow,
  readHeaderRow,
  type RowCells,
} from './headers.js';
import { checkRowText, checkTitleText } from './cell-text.js';
import { cellParagraphs } from './paragraphs.js';
import type { OwnerNames } from './owner-cells.js';
import { ParseLog, quote } from './parse-log.js';
import {
  finishDocument,
  newTheme,
  numberBefore,
  readThemeHeading,
  type ThemeDraft,
  themeNumberOfRef,
} from './plan-drafts.js';

export interface SheetRow {
  /** 1-based row number as a spreadsheet shows it. */
  readonly line: number;
  readonly cells: readonly string[];
}

const HEADER_SEARCH_ROWS = 10;
const ACTION_COLUMNS: readonly Column[] = ['description', 'owners', 'commencing', 'dueBy', 'rag', 'progress'];
const EXPECTED_COLUMNS: readonly Column[] = ['theme', 'owners', 'rag', 'progress'];

function findHeader(rows: readonly SheetRow[], log: ParseLog): { header: HeaderRow; index: number } | null {
  const candidates = rows.slice(0, HEADER_SEARCH_ROWS);
  const index = candidates.findIndex((row) => readHeaderRow(row.cells) !== null);
  if (index < 0) {
    log.problem(null, 'No header row found (a row naming the columns "Theme", "Ref", "Action", …)');
    return null;
  }
  const header = readHeaderRow(rows[index]!.cells)!;
  const line = rows[index]!.line;
  rows.slice(0, index).forEach((row) => {
    if (!isBlankRow(row.cells))
      log.warn(row.line, `Row above the header ignored: ${quote(row.cells.join(' '))}`);
  });
  header.unknownHeaders.forEach((name) =>
    log.warn(line, `Column ${quote(name)} is not one we read; ignored`),
  );
  header.repeatedHeaders.forEach((name) =>
    log.warn(line, `Column ${quote(name)} appears twice; the first is read`),
  );
  EXPECTED_COLUMNS.filter((column) => !header.columns.includes(column)).forEach((column) =>
    log.warn(
      line,
      `No ${quote(COLUMN_NAMES[column])} column` +
        (column === 'theme' ? ': actions are filed by the number their ref starts with' : ''),
    ),
  );
  return { header, index };
}

const sameText = (a: string, b: string) =>
  a.toLowerCase().replace(/\s+/g, ' ') === b.toLowerCase().replace(/\s+/g, ' ');

class SpreadsheetReader {
  readonly themes = new Map<number, ThemeDraft>();
  private current: ThemeDraft | null = null;
  /** The theme the last non-blank "Theme" cell named: a blank cell below means this one. */
  private named: ThemeDraft | null = null;
  private action: ActionDraft | null = null;

  constructor(private readonly log: ParseLog) {}

  row(line: number, cells: RowCells): void {
    const ref = cells.ref?.trim() ?? '';
    const theme = this.themeOfRow(line, cells, ref);
    if (theme === null) return;
    this.addProse(theme, 'whatNeedsToImprove', cells, line);
    this.addProse(theme, 'inspectorFindings', cells, line);
    const hasActionCells = ACTION_COLUMNS.some((column) => (cells[column] ?? '').trim() !== '');
    if (ref !== '') {
      this.action = startAction(ref, line, cells);
      theme.actions.push(this.action);
    } else if (!hasActionCells) this.action = null;
    else if (this.action === null || theme !== this.current)
      this.log.problem(line, 'A row with a blank ref that continues no action above it');
    else continueAction(this.action, line, cells, this.log);
    this.current = theme;
  }

  /**
   * A row belongs to the theme its "Theme" cell names, or the one named above it, whatever its ref
   * says (older plans number actions by the inspection report's paragraphs). Only with no theme
   * named at all does the ref's number say, with the untitled theme reported.
   */
  private themeOfRow(line: number, cells: RowCells, ref: string): ThemeDraft | null {
    const themeCell = cells.theme?.trim() ?? '';
    if (themeCell === '' && this.named !== null) return this.underNamed(this.named, ref, line);
    const heading = readThemeHeading(themeCell);
    const namedTitle = this.named?.title ?? null;
    const sameTitle = namedTitle !== null && sameText(themeCell, namedTitle);
    if (heading === null && sameTitle) return this.named;
    const number = heading?.number ?? themeNumberOfRef(ref) ?? this.current?.number ?? null;
    if (number === null) {
      this.log.problem(
        line,
        `Row has no theme number (write the theme as "1. Title" or use refs like "1.1")`,
      );
      return null;
    }
    const theme = this.themes.get(number) ?? newTheme(number, null, line);
    this.themes.set(number, theme);
    if (themeCell === '') return theme;
    this.named = theme;
    const title = heading ? heading.title : themeCell;
    if (title === null) return theme;
    if (theme.title === null) theme.title = title;
    else if (!sameText(title, theme.title))
      this.log.warn(line, `Theme ${number} is also called ${quote(title)}; kept ${quote(theme.title)}`);
    return theme;
  }

  /** A blank Theme cell: the theme above, said when the ref's number changes (a cell left blank by mistake?). */
  private underNamed(theme: ThemeDraft, ref: string, line: number): ThemeDraft {
    const numberAbove = numberBefore(theme, ref);
    if (numberAbove !== null)
      this.log.warn(
        line,
        `Action ${ref} has a blank Theme cell among actions numbered ${numberAbove}.x; ` +
          `filed under theme ${theme.number}, the theme above it`,
      );
    return theme;
  }

  private addProse(
    theme: ThemeDraft,
    column: 'whatNeedsToImprove' | 'inspectorFindings',
    cells: RowCells,
    line: number,
  ) {
    const paragraphs = cellParagraphs(cells[column] ?? '');
    if (paragraphs.length === 0) return;
    if (theme[column].length === 0) theme[column].push(...paragraphs);
    else if (!sameText(paragraphs.join('\n\n'), theme[column].join('\n\n')))
      this.log.warn(
        line,
        `Theme ${theme.number}: a second "${COLUMN_NAMES[column]}" text ignored (the first is kept)`,
      );
  }
}

export function parseSpreadsheetRows(
  rows: readonly SheetRow[],
  title: string | null,
  ownerNames: OwnerNames,
  log: ParseLog,
): PlanDocument {
  if (title !== null) checkTitleText(title, log);
  const found = findHeader(rows, log);
  const reader = new SpreadsheetReader(log);
  for (const row of found ? rows.slice(found.index + 1) : []) {
    if (isBlankRow(row.cells) || isRuleRow(row.cells)) continue;
    const spare = row.cells.slice(found!.header.columns.length).filter((cell) => cell.trim() !== '');
    if (spare.length > 0) log.warn(row.line, `Cells beyond the header ignored: ${quote(spare.join(' '))}`);
    const cells = cellsByColumn(found!.header, row.cells);
    checkRowText(row.line, cells, log);
    reader.row(row.line, cells);
  }
  return finishDocument(title, [...reader.themes.values()], ownerNames, log);
}
