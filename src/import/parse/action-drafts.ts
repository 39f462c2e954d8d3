import type { RagStatus } from '../../plans/domain/rag.js';
import { actionRef } from '../../plans/domain/text-rules.js';
import type { DocumentAction } from '../plan-document.js';
import { readDateCell } from './dates.js';
import { COLUMN_NAMES, type RowCells } from './headers.js';
import { cellParagraphs, continueParagraphs } from './paragraphs.js';
import { ParseLog, quote } from './parse-log.js';
import { readOwnerCell, type OwnerNames } from './owner-cells.js';
import { readRagCell } from './rag.js';

interface Cell {
  readonly text: string;
  readonly line: number;
}

/** An action as its rows are read: a first row, then any continuation rows (blank ref). */
export interface ActionDraft {
  readonly ref: string;
  readonly line: number;
  description: string[];
  ownerCells: string[];
  commencing: Cell | null;
  dueBy: Cell | null;
  rag: Cell | null;
  progress: string[];
}

function cell(text: string | undefined, line: number): Cell | null {
  return text === undefined || text.trim() === '' ? null : { text: text.trim(), line };
}

export function startAction(ref: string, line: number, cells: RowCells): ActionDraft {
  return {
    ref,
    line,
    description: cellParagraphs(cells.description ?? ''),
    ownerCells: [cells.owners ?? ''],
    commencing: cell(cells.commencing, line),
    dueBy: cell(cells.dueBy, line),
    rag: cell(cells.rag, line),
    progress: cellParagraphs(cells.progress ?? ''),
  };
}

/** A single-value cell given again on a continuation row: the first value stands. */
function continueCell(
  draft: ActionDraft,
  column: 'commencing' | 'dueBy' | 'rag',
  more: Cell | null,
  log: ParseLog,
) {
  const first = draft[column];
  if (more === null) return;
  if (first === null) draft[column] = more;
  else if (first.text !== more.text)
    log.warn(
      more.line,
      `Action ${draft.ref}: a continuation row gives ${COLUMN_NAMES[column]} ${quote(more.text)} ` +
        `as well as ${quote(first.text)}; kept ${quote(first.text)}`,
    );
}

/** Merges a continuation row cell by cell into the action above. */
export function continueAction(draft: ActionDraft, line: number, cells: RowCells, log: ParseLog): void {
  draft.description = continueParagraphs(draft.description, cellParagraphs(cells.description ?? ''));
  draft.ownerCells.push(cells.owners ?? '');
  draft.progress = continueParagraphs(draft.progress, cellParagraphs(cells.progress ?? ''));
  continueCell(draft, 'commencing', cell(cells.commencing, line), log);
  continueCell(draft, 'dueBy', cell(cells.dueBy, line), log);
  continueCell(draft, 'rag', cell(cells.rag, line), log);
}

function finishDate(ref: string, column: 'commencing' | 'dueBy', value: Cell | null, log: ParseLog) {
  if (value === null) return null;
  const reading = readDateCell(value.text);
  const name = COLUMN_NAMES[column];
  if (reading.kind === 'date') return reading.date;
  if (reading.kind === 'placeholder')
    log.warn(value.line, `Action ${ref}: ${name} ${quote(value.text)} is not a date; imported with none`);
  if (reading.kind === 'unreadable')
    log.problem(
      value.line,
      `Action ${ref}: ${name} ${quote(value.text)} is not a date we can read ` +
        '(write a month like "December 2023" or a date like "31/03/2024")',
    );
  return null;
}

function finishRag(ref: string, value: Cell | null, log: ParseLog): RagStatus {
  const rag = readRagCell(value?.text ?? '');
  if (rag !== undefined) return rag;
  log.problem(
    value?.line ?? null,
    `Action ${ref}: unknown RAG status ${quote(value?.text ?? '')} ` +
      '(use R, A, G, B, the words Red, Amber, Green, Blue, or leave it blank for not yet rated)',
  );
  return 'NOT_RATED';
}

function checkRef(draft: ActionDraft, log: ParseLog): void {
  try {
    actionRef(draft.ref);
  } catch (error) {
    log.problem(draft.line, `Action ${quote(draft.ref)}: ${(error as Error).message}`);
  }
}

export function finishAction(draft: ActionDraft, ownerNames: OwnerNames, log: ParseLog): DocumentAction {
  checkRef(draft, log);
  if (draft.description.length === 0) log.problem(draft.line, `Action ${draft.ref} has no description`);
  return {
    ref: draft.ref,
    description: draft.description.join('\n\n'),
    owners: readOwnerCell(
      { text: draft.ownerCells.join(' '), line: draft.line, ref: draft.ref },
      ownerNames,
      log,
    ),
    commencing: finishDate(draft.ref, 'commencing', draft.commencing, log),
    dueBy: finishDate(draft.ref, 'dueBy', draft.dueBy, log),
    rag: finishRag(draft.ref, draft.rag, log),
    progress: draft.progress,
    line: draft.line,
  };
}
