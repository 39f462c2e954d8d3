/**
 * Header cells matched tolerantly: "Progress and Impact to date" / "to Date", "Commencing" / "Due by",
 * "Action" / "Action What we will do", "RAG" / "Status", "Action Owner" / "Owner(s)".
 */

export type Column =
  | 'theme'
  | 'whatNeedsToImprove'
  | 'inspectorFindings'
  | 'ref'
  | 'description'
  | 'owners'
  | 'commencing'
  | 'dueBy'
  | 'rag'
  | 'progress';

/** What each column is called in messages (and, in this order, in CSV and XLSX files). */
export const COLUMN_NAMES: Readonly<Record<Column, string>> = {
  theme: 'Theme',
  whatNeedsToImprove: 'What needs to improve',
  inspectorFindings: 'What inspectors found',
  ref: 'Ref',
  description: 'Action',
  owners: 'Action Owner',
  commencing: 'Commencing',
  dueBy: 'Due by',
  rag: 'RAG',
  progress: 'Progress and Impact to date',
};

/** First match wins, so "Action Owner" is read as owners before "Action" as the description. */
const PATTERNS: readonly [Column, RegExp][] = [
  ['whatNeedsToImprove', /^what needs to improve/],
  ['inspectorFindings', /^(what (the )?inspectors? found|inspectors? findings|findings)/],
  ['owners', /owner|^lead$|^responsib|^who$/],
  ['progress', /^(progress|update|impact)/],
  ['ref', /^((action )?ref(erence)?( no| number)?|no|number)$/],
  ['dueBy', /^(due|deadline|target date|completion date|by when)/],
  ['commencing', /^(commenc|start)/],
  ['rag', /^(b?rag|status)/],
  ['theme', /^(theme|area for improvement|area)/],
  ['description', /^(action|what we will do|description)/],
];

function headerKey(cell: string): string {
  return cell
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export function columnOfHeader(cell: string): Column | null {
  const key = headerKey(cell);
  return PATTERNS.find(([, pattern]) => pattern.test(key))?.[0] ?? null;
}

export interface HeaderRow {
  /** The column each cell holds, by position; null for a cell we do not read. */
  readonly columns: readonly (Column | null)[];
  readonly unknownHeaders: readonly string[];
  readonly repeatedHeaders: readonly string[];
}

/** A row is the header of an action table when it names both a ref and an action column. */
export function readHeaderRow(cells: readonly string[]): HeaderRow | null {
  const seen = new Set<Column>();
  const unknownHeaders: string[] = [];
  const repeatedHeaders: string[] = [];
  const columns = cells.map((cell) => {
    const column = columnOfHeader(cell);
    if (column === null && cell.trim() !== '') unknownHeaders.push(cell.trim());
    if (column !== null && seen.has(column)) {
      repeatedHeaders.push(cell.trim());
      return null;
    }
    if (column !== null) seen.add(column);
    return column;
  });
  return seen.has('ref') && seen.has('description') ? { columns, unknownHeaders, repeatedHeaders } : null;
}

export type RowCells = Partial<Record<Column, string>>;

export function cellsByColumn(header: HeaderRow, cells: readonly string[]): RowCells {
  const row: RowCells = {};
  header.columns.forEach((column, index) => {
    if (column !== null) row[column] = cells[index] ?? '';
  });
  return row;
}

/** Table rules pasted from Word or Markdown ("--", "-----") carry nothing. */
export function isRuleRow(cells: readonly string[]): boolean {
  return cells.every((cell) => /^[-–—=_:\s]*$/.test(cell));
}

export function isBlankRow(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}
