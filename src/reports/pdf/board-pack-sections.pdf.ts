import type { ActionRow, BoardPack } from '../domain/board-pack.js';
import {
  otherChangeRows,
  periodStartText,
  shortDescription,
  sinceText,
} from '../presentation/board-pack-text.js';
import {
  directionLabel,
  formatPlanDate,
  NO_OWNER,
  noteByline,
  RAG_ORDER,
  ragLabel,
  themeTitle,
} from '../presentation/display.js';
import { heading, ITALIC, paragraph, type Pdf } from './pdf-document.js';
import { drawTable, type Cell, type Column } from './pdf-table.js';

/* The sections of the board pack PDF, each a heading and a table (or a line saying there is none). */

const none = (doc: Pdf, text: string) => paragraph(doc, text, ITALIC);
const owners = (action: ActionRow): Cell =>
  action.owners.length > 0 ? action.owners.join('\n') : { text: NO_OWNER, style: 'bold' };
const ref = (value: string): Cell => ({ text: value, style: 'bold' });
const numbers = (shares: number[], headers: string[]): Column[] =>
  headers.map((header, index) => ({ header, share: shares[index]!, align: index === 0 ? 'left' : 'right' }));

export function summary(doc: Pdf, pack: BoardPack): void {
  heading(doc, 'RAG summary');
  const before = pack.changes.ragSummaryBefore;
  const change = (now: number, was: number) =>
    now === was ? '0' : now > was ? `+${now - was}` : `-${was - now}`;
  const rows: Cell[][] = RAG_ORDER.map(({ rag, count }) => [
    { rag },
    String(pack.ragSummary[count]),
    String(before[count]),
    change(pack.ragSummary[count], before[count]),
  ]);
  rows.push([
    ref('Total'),
    String(pack.ragSummary.total),
    String(before.total),
    change(pack.ragSummary.total, before.total),
  ]);
  drawTable(
    doc,
    numbers([0.25, 0.2, 0.35, 0.2], ['RAG status', 'Actions now', periodStartText(pack.changes), 'Change']),
    rows,
  );
  heading(doc, 'By theme', 3);
  const columns = numbers(
    [0.4, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1],
    ['Theme', ...RAG_ORDER.map(({ rag }) => ragLabel(rag)), 'Total'],
  );
  const themeRows = pack.themes.map((theme) => [
    themeTitle(theme),
    ...RAG_ORDER.map(({ count }) => String(theme.ragSummary[count])),
    String(theme.ragSummary.total),
  ]);
  drawTable(doc, columns, themeRows);
}

export function themes(doc: Pdf, pack: BoardPack): void {
  heading(doc, 'Actions by theme');
  const columns: Column[] = [
    { header: 'Ref', share: 0.06 },
    { header: 'Action', share: 0.26 },
    { header: 'Owners', share: 0.15 },
    { header: 'Commencing', share: 0.12 },
    { header: 'Due by', share: 0.1 },
    { header: 'RAG', share: 0.09 },
    { header: 'Latest progress', share: 0.22 },
  ];
  for (const theme of pack.themes) {
    heading(doc, themeTitle(theme), 3);
    if (theme.actions.length === 0) {
      none(doc, 'No actions.');
      continue;
    }
    const rows = theme.actions.map((action): Cell[] => [
      ref(action.ref),
      action.description,
      owners(action),
      formatPlanDate(action.commencing),
      formatPlanDate(action.dueBy),
      { rag: action.rag },
      action.latestNote
        ? `${action.latestNote.text}\n(${noteByline(action.latestNote)})`
        : { text: 'No progress note yet', style: 'italic' },
    ]);
    drawTable(doc, columns, rows);
  }
}

export function changes(doc: Pdf, pack: BoardPack): void {
  const { changes } = pack;
  heading(doc, `Changes ${sinceText(changes)}`);
  heading(doc, 'RAG movements', 3);
  if (changes.ragMovements.length === 0) none(doc, 'No RAG movements.');
  else {
    const columns: Column[] = [
      { header: 'Ref', share: 0.07 },
      { header: 'From', share: 0.1 },
      { header: 'To', share: 0.1 },
      { header: 'Direction', share: 0.13 },
      { header: 'Reasons given', share: 0.6 },
    ];
    const rows = changes.ragMovements.map((movement): Cell[] => [
      ref(movement.ref),
      { rag: movement.from },
      { rag: movement.to },
      directionLabel(movement.direction),
      movement.reasons.map((reason) => `- ${reason}`).join('\n'),
    ]);
    drawTable(doc, columns, rows);
  }
  heading(doc, 'New progress notes', 3);
  if (changes.newNotes.length === 0) none(doc, 'No new progress notes.');
  else {
    const columns: Column[] = [
      { header: 'Ref', share: 0.07 },
      { header: 'Progress note', share: 0.63 },
      { header: 'Recorded by', share: 0.3 },
    ];
    drawTable(
      doc,
      columns,
      changes.newNotes.map((note) => [ref(note.ref), note.text, noteByline(note)]),
    );
  }
  heading(doc, 'Other changes', 3);
  const others = otherChangeRows(changes);
  if (others.length === 0) none(doc, 'No actions added, withdrawn or edited.');
  else {
    const columns: Column[] = [
      { header: 'Ref', share: 0.07 },
      { header: 'Change', share: 0.15 },
      { header: 'Before', share: 0.39 },
      { header: 'After', share: 0.39 },
    ];
    drawTable(
      doc,
      columns,
      others.map((row) => [ref(row.ref), row.field, row.from, row.to]),
    );
  }
}

export function findings<T extends ActionRow>(
  doc: Pdf,
  actions: readonly T[],
  header: string,
  why: (action: T) => string,
  noneText: string,
): void {
  if (actions.length === 0) return none(doc, noneText);
  const columns: Column[] = [
    { header: 'Ref', share: 0.07 },
    { header: 'Action', share: 0.36 },
    { header: 'Owners', share: 0.17 },
    { header: 'RAG', share: 0.1 },
    { header, share: 0.3 },
  ];
  const rows = actions.map((action): Cell[] => [
    ref(action.ref),
    shortDescription(action.description),
    owners(action),
    { rag: action.rag },
    why(action),
  ]);
  drawTable(doc, columns, rows);
}
