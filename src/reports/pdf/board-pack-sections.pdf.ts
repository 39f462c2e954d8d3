import type { ActionRow, BoardPack } from '../domain/board-pack.js';
import { asAtColumn, periodStartText, shortDescription } from '../presentation/board-pack-text.js';
import {
  formatPlanDate,
  NO_OWNER,
  noteByline,
  RAG_ORDER,
  ragLabel,
  themeTitle,
} from '../presentation/display.js';
import { withEvidenceLines } from '../presentation/evidence-text.js';
import { heading, ITALIC, paragraph, type Pdf } from './pdf-document.js';
import { drawTable, type Cell, type Column } from './pdf-table.js';

/* The sections of the board pack PDF, each a heading and a table (or a line saying there is none). */

const none = (doc: Pdf, text: string) => paragraph(doc, text, ITALIC);
/** One owner a line, each with a bullet, so a name that wraps still reads as one owner. */
const owners = (action: ActionRow): Cell =>
  action.owners.length > 0
    ? action.owners.map((owner) => `• ${owner}`).join('\n')
    : { text: NO_OWNER, style: 'bold' };
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
    numbers([0.2, 0.3, 0.3, 0.2], ['RAG status', asAtColumn(pack), periodStartText(pack.changes), 'Change']),
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
    { header: 'Action', share: 0.23 },
    { header: 'Owners', share: 0.18 },
    { header: 'Commencing', share: 0.13 },
    { header: 'Due by', share: 0.11 },
    { header: 'RAG', share: 0.1 },
    { header: 'Latest progress', share: 0.19 },
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
        ? `${withEvidenceLines(action.latestNote.text, action.latestNote.evidence)}\n(${noteByline(action.latestNote)})`
        : { text: 'No progress note yet', style: 'italic' },
    ]);
    drawTable(doc, columns, rows);
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
    { header: 'Action', share: 0.33 },
    { header: 'Owners', share: 0.2 },
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
