/**
 * A Word plan pasted as text: prose, theme headings, and tables whose rows are tab-separated cells.
 * A row with a blank ref (a line starting with a tab) continues the action above, cell by cell.
 * An action belongs to the theme heading above it; its ref's number files it only where none does.
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
import { checkLineText } from './cell-text.js';
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
import { findTitle, readLabel, type ThemeProse, themeHeadingLines } from './text-headings.js';

type Section = 'preamble' | 'heading' | ThemeProse | 'table';

/** Prose under "What needs to improve?" with no theme heading above it: its number comes with its refs. */
interface UnheadedSection {
  readonly line: number;
  readonly whatNeedsToImprove: string[];
  readonly inspectorFindings: string[];
}

const unheaded = (line: number): UnheadedSection => ({ line, whatNeedsToImprove: [], inspectorFindings: [] });

const OPTIONAL_COLUMNS: readonly Column[] = ['owners', 'rag', 'progress'];

class WordTableReader {
  readonly themes = new Map<number, ThemeDraft>();
  private current: ThemeDraft | null = null;
  private unheaded: UnheadedSection | null = null;
  private section: Section = 'preamble';
  /** The current theme was opened by a heading line (not found by its refs for want of one). */
  private headed = false;
  private header: HeaderRow | null = null;
  private headerLine: number | null = null;
  /** No action row read yet since the last header row. */
  private tableStart = false;
  private action: ActionDraft | null = null;

  constructor(private readonly log: ParseLog) {}

  heading(text: string, line: number): void {
    const { number, title } = readThemeHeading(text)!;
    const existing = this.themes.get(number);
    if (existing)
      this.log.problem(line, `Theme ${number} has two headings (lines ${existing.line} and ${line})`);
    const theme = existing ?? newTheme(number, title, line);
    this.themes.set(number, theme);
    if (this.unheaded) this.adopt(this.unheaded, theme);
    [this.current, this.unheaded, this.section, this.action] = [theme, null, 'heading', null];
    this.headed = true;
  }

  label(label: ThemeProse, rest: string, line: number): void {
    const opensNewSection = this.current === null || this.current.actions.length > 0;
    if (this.unheaded === null && opensNewSection) this.unheaded = unheaded(line);
    this.section = label;
    this.prose(rest, line);
  }

  prose(text: string, line: number): void {
    if (text.trim() === '') return;
    if (this.section === 'whatNeedsToImprove' || this.section === 'inspectorFindings')
      (this.unheaded ?? this.current)![this.section].push(...cellParagraphs(text));
    else if (this.section !== 'preamble')
      this.log.warn(line, `Text outside any theme's prose ignored: ${quote(text)}`);
  }

  row(cells: readonly string[], line: number): void {
    if (isBlankRow(cells)) return;
    const header = readHeaderRow(cells);
    if (header !== null) return this.startTable(header, line);
    if (isRuleRow(cells)) return;
    if (this.header === null)
      return this.log.problem(
        line,
        'A table row with no header row above it (such as "Ref  Action  Action Owner …")',
      );
    const rowCells = cellsByColumn(this.header, cells);
    const spare = cells.slice(this.header.columns.length).filter((cell) => cell.trim() !== '');
    if (spare.length > 0) this.log.warn(line, `Cells beyond the header ignored: ${quote(spare.join(' '))}`);
    this.section = 'table';
    const ref = rowCells.ref?.trim() ?? '';
    if (ref !== '') return this.startAction(ref, line, rowCells);
    if (this.action === null)
      return this.log.problem(line, 'A continuation row (blank ref) with no action above it');
    continueAction(this.action, line, rowCells, this.log);
  }

  finish(): void {
    if (this.headerLine === null)
      this.log.problem(null, 'No table header row found (a row with at least "Ref" and "Action" columns)');
  }

  private startTable(header: HeaderRow, line: number): void {
    [this.header, this.headerLine, this.section, this.action] = [header, line, 'table', null];
    this.tableStart = true;
    header.unknownHeaders.forEach((name) =>
      this.log.warn(line, `Column ${quote(name)} is not one we read; ignored`),
    );
    header.repeatedHeaders.forEach((name) =>
      this.log.warn(line, `Column ${quote(name)} appears twice; the first is read`),
    );
    const missing = OPTIONAL_COLUMNS.filter((column) => !header.columns.includes(column));
    if (!header.columns.includes('commencing') && !header.columns.includes('dueBy'))
      missing.push('commencing');
    missing.forEach((column) =>
      this.log.warn(line, `No ${quote(COLUMN_NAMES[column])} column in this table`),
    );
  }

  private startAction(ref: string, line: number, cells: RowCells): void {
    const theme = this.underHeading(ref, line) ?? this.themeOfRef(ref, line);
    [this.action, this.tableStart] = [null, false];
    if (theme === null) return;
    this.action = startAction(ref, line, cells);
    theme.actions.push(this.action);
  }

  /**
   * An action belongs to the heading above it, whatever its ref says; null when there is none. A
   * new table whose refs change number after the theme's actions, or prose labels after them, start
   * a section with no heading of its own (section 4 of the Isle of Wight plan).
   */
  private underHeading(ref: string, line: number): ThemeDraft | null {
    const theme = this.current;
    if (theme === null || !this.headed || this.unheaded !== null) return null;
    const numberAbove = numberBefore(theme, ref);
    if (numberAbove !== null && this.tableStart) return null;
    if (numberAbove !== null)
      this.log.warn(
        line,
        `Action ${ref} is written under theme ${theme.number} among actions numbered ${numberAbove}.x; ` +
          `filed under theme ${theme.number}, the heading above it`,
      );
    return theme;
  }

  /** With no heading above, the number its ref starts with says the theme, untitled if new. */
  private themeOfRef(ref: string, line: number): ThemeDraft | null {
    const number = themeNumberOfRef(ref) ?? this.current?.number ?? null;
    if (number === null) {
      this.log.problem(line, `Action ${ref} comes before any theme heading and its ref has no theme number`);
      return null;
    }
    if (this.unheaded === null && number === this.current?.number) return this.current;
    const existing = this.themes.get(number);
    if (existing)
      this.log.warn(
        line,
        `Action ${ref} has no theme heading above it; filed under theme ${number} by its ref`,
      );
    const start = this.unheaded?.line ?? (this.tableStart ? this.headerLine : null) ?? line;
    const theme = existing ?? newTheme(number, null, start);
    this.themes.set(number, theme);
    if (this.unheaded) this.adopt(this.unheaded, theme);
    [this.current, this.unheaded, this.headed] = [theme, null, false];
    return theme;
  }

  private adopt(section: UnheadedSection, theme: ThemeDraft): void {
    theme.whatNeedsToImprove.push(...section.whatNeedsToImprove);
    theme.inspectorFindings.push(...section.inspectorFindings);
  }
}

/** Reads a Word table pasted as text (or a TSV file) into the neutral plan document. */
export function parseWordTable(text: string, ownerNames: OwnerNames, log: ParseLog): PlanDocument {
  const lines = text.split(/\r\n|\r|\n/);
  const headings = themeHeadingLines(lines);
  const reader = new WordTableReader(log);
  lines.forEach((line, index) => {
    checkLineText(index + 1, line, log);
    const label = line.includes('\t') ? null : readLabel(line);
    if (line.includes('\t')) reader.row(line.split('\t'), index + 1);
    else if (headings.has(index)) reader.heading(line, index + 1);
    else if (label) reader.label(label.label, label.rest, index + 1);
    else reader.prose(line, index + 1);
  });
  reader.finish();
  const firstTheme = [...headings].reduce((first, index) => Math.min(first, index), lines.length);
  return finishDocument(findTitle(lines, firstTheme), [...reader.themes.values()], ownerNames, log);
}
