/**
 * The import's way in: a council's plan file (a Word table pasted as text, CSV or XLSX) read into the
 * neutral PlanDocument, with warnings to look at and problems that stop the import.
 */
import { ImportTooLarge, MAX_IMPORT_BYTES } from '../import-limits.js';
import type { ImportProblem, ParseResult, PlanDocument } from '../plan-document.js';
import { parseCsvPlan } from './csv.js';
import { defaultOwnerNames, type OwnerNames } from './owner-cells.js';
import { ParseLog } from './parse-log.js';
import { emptyDocument } from './plan-drafts.js';
import { parseWordTable } from './text-table.js';
import { parseXlsxPlan } from './xlsx.js';

export { MAX_IMPORT_BYTES };

export type PlanDocumentFormat = 'text' | 'csv' | 'xlsx';

export interface PlanDocumentInput {
  readonly fileName: string;
  readonly content: Buffer;
  /** Taken from the file name's extension when not given. */
  readonly format?: PlanDocumentFormat;
  /** The names owner cells are split on and checked against; left out, the usual roles and aliases. */
  readonly ownerNames?: OwnerNames;
}

const FORMATS_BY_EXTENSION: Readonly<Record<string, PlanDocumentFormat>> = {
  txt: 'text',
  tsv: 'text',
  text: 'text',
  csv: 'csv',
  xlsx: 'xlsx',
};

export function formatOfFileName(fileName: string): PlanDocumentFormat | null {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName.trim())?.[1]?.toLowerCase() ?? '';
  return FORMATS_BY_EXTENSION[extension] ?? null;
}

const startsWith = (content: Buffer, bytes: readonly number[]) =>
  bytes.every((byte, index) => content[index] === byte);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];

function lineAt(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

/** Text must be UTF-8: anything else would turn apostrophes and accents into garbage in the plan. */
function decodeText(content: Buffer, log: ParseLog): string | null {
  if (startsWith(content, ZIP) || startsWith(content, OLE)) {
    log.problem(
      null,
      'This is a Word or Excel file, not text: paste the plan’s table into a .txt file, or save it as .xlsx',
    );
    return null;
  }
  if (startsWith(content, [0xff, 0xfe]) || startsWith(content, [0xfe, 0xff])) {
    log.problem(null, 'The file is UTF-16 text; save it as UTF-8');
    return null;
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(content);
    const damaged = text.indexOf('\uFFFD');
    if (damaged >= 0)
      log.problem(
        lineAt(text, damaged),
        'The text holds "�" replacement characters: it was damaged by a wrong encoding before it reached us; paste it again from the original',
      );
    if (text.includes('\u0000')) log.problem(null, 'The file holds binary data, not text');
    return damaged >= 0 || text.includes('\u0000') ? null : text;
  } catch {
    const lossy = new TextDecoder('utf-8').decode(content);
    log.problem(
      lineAt(lossy, lossy.indexOf('\uFFFD')),
      'The file is not UTF-8 text (perhaps Windows-1252, "ANSI"); save it as UTF-8',
    );
    return null;
  }
}

async function readDocument(input: PlanDocumentInput, log: ParseLog): Promise<PlanDocument> {
  if (input.content.length > MAX_IMPORT_BYTES) {
    const megabytes = (input.content.length / 1024 / 1024).toFixed(1);
    log.problem(null, `The file is ${megabytes} MiB; the limit is ${MAX_IMPORT_BYTES / 1024 / 1024} MiB`);
    return emptyDocument();
  }
  const format = input.format ?? formatOfFileName(input.fileName);
  const ownerNames = input.ownerNames ?? defaultOwnerNames();
  if (format === null) {
    log.problem(
      null,
      `Cannot tell the format of "${input.fileName}": import a .txt, .tsv, .csv or .xlsx file`,
    );
    return emptyDocument();
  }
  if (format === 'xlsx') return parseXlsxPlan(input.content, ownerNames, log);
  const text = decodeText(input.content, log);
  if (text === null) return emptyDocument();
  return format === 'csv' ? parseCsvPlan(text, ownerNames, log) : parseWordTable(text, ownerNames, log);
}

/** File-level messages (no line) first, then in line order. */
function inLineOrder<T extends ImportProblem>(messages: readonly T[]): T[] {
  return [...messages].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

export interface ParseOutcome extends ParseResult {
  /**
   * Why the file was refused unread for its size in rows or unpacked bytes (import-limits.ts): the
   * request itself is bad, not a line of it, so the import answers BAD_USER_INPUT rather than a report.
   */
  readonly tooLarge: string | null;
}

export async function parsePlanDocument(input: PlanDocumentInput): Promise<ParseOutcome> {
  const log = new ParseLog();
  try {
    const document = await readDocument(input, log);
    return {
      document,
      warnings: inLineOrder(log.warnings),
      problems: inLineOrder(log.problems),
      tooLarge: null,
    };
  } catch (error) {
    if (!(error instanceof ImportTooLarge)) throw error;
    return { document: emptyDocument(), warnings: [], problems: [], tooLarge: error.message };
  }
}
