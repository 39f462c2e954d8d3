import type { BoardPack } from '../domain/board-pack.js';
import {
  asAtColumn,
  NET_RAG_NOTE,
  netDirectionText,
  otherChangeRows,
  periodStartText,
  RAG_MOVEMENTS_NOTE,
  shortDescription,
  sinceText,
  SLIPPAGE_RULE,
} from '../presentation/board-pack-text.js';
import {
  actorName,
  daysSlippedText,
  effectiveText,
  formatInstant,
  noteByline,
  scheduleText,
} from '../presentation/display.js';
import { withEvidenceLines } from '../presentation/evidence-text.js';
import { heading, ITALIC, note, paragraph, type Pdf } from './pdf-document.js';
import { drawTable, type Cell, type Column } from './pdf-table.js';

/* "What changed since the last board" and "Slipped since the last board", as in the HTML page. */

const none = (doc: Pdf, text: string) => paragraph(doc, text, ITALIC);
const ref = (value: string): Cell => ({ text: value, style: 'bold' });
const columns = (...shares: [string, number][]): Column[] =>
  shares.map(([header, share]) => ({ header, share }));

export function changes(doc: Pdf, pack: BoardPack): void {
  const { changes } = pack;
  heading(doc, `Changes ${sinceText(changes)}`);
  heading(doc, 'RAG movements', 3);
  note(doc, RAG_MOVEMENTS_NOTE);
  if (changes.ragMovements.length === 0) none(doc, 'No RAG movements.');
  else {
    drawTable(
      doc,
      columns(
        ['Ref', 0.06],
        ['From', 0.1],
        ['To', 0.1],
        ['Reason given', 0.3],
        ['Recorded by', 0.15],
        ['Recorded', 0.16],
        ['Effective', 0.13],
      ),
      changes.ragMovements.map((movement): Cell[] => [
        ref(movement.ref),
        { rag: movement.from },
        { rag: movement.to },
        withEvidenceLines(movement.reason, movement.evidence),
        actorName(movement),
        formatInstant(movement.recordedAt),
        effectiveText(movement),
      ]),
    );
  }
  netRagChanges(doc, pack);
  newNotes(doc, pack);
  otherChanges(doc, pack);
}

function netRagChanges(doc: Pdf, pack: BoardPack): void {
  heading(doc, 'Net RAG change per action', 3);
  note(doc, NET_RAG_NOTE);
  const net = pack.changes.netRagChanges;
  if (net.length === 0) return none(doc, 'No action’s RAG differs from the start of the period.');
  drawTable(
    doc,
    [
      ...columns(
        ['Ref', 0.07],
        [periodStartText(pack.changes), 0.25],
        [asAtColumn(pack), 0.25],
        ['Direction', 0.25],
      ),
      { header: 'Movements', share: 0.18, align: 'right' },
    ],
    net.map((change): Cell[] => [
      ref(change.ref),
      { rag: change.from },
      { rag: change.to },
      netDirectionText(change),
      String(change.movements),
    ]),
  );
}

function newNotes(doc: Pdf, { changes }: BoardPack): void {
  heading(doc, 'New progress notes', 3);
  if (changes.newNotes.length === 0) return none(doc, 'No new progress notes.');
  drawTable(
    doc,
    columns(['Ref', 0.07], ['Progress note', 0.63], ['Recorded by', 0.3]),
    changes.newNotes.map((added) => [
      ref(added.ref),
      withEvidenceLines(added.text, added.evidence),
      noteByline(added),
    ]),
  );
}

function otherChanges(doc: Pdf, { changes }: BoardPack): void {
  heading(doc, 'Other changes', 3);
  const others = otherChangeRows(changes);
  if (others.length === 0) return none(doc, 'No actions added, withdrawn or edited.');
  drawTable(
    doc,
    columns(['Ref', 0.07], ['Change', 0.15], ['Before', 0.39], ['After', 0.39]),
    others.map((row) => [ref(row.ref), row.field, row.from, row.to]),
  );
}

export function slipped(doc: Pdf, { changes }: BoardPack): void {
  heading(doc, `Slipped ${sinceText(changes)}`);
  note(doc, SLIPPAGE_RULE);
  if (changes.slipped.length === 0) return none(doc, 'No action was rescheduled.');
  drawTable(
    doc,
    columns(
      ['Ref', 0.06],
      ['Action', 0.22],
      ['Dates before', 0.15],
      ['Dates after', 0.15],
      ['Moved', 0.1],
      ['Reasons given', 0.32],
    ),
    changes.slipped.map((row): Cell[] => [
      ref(row.ref),
      shortDescription(row.description, 90),
      scheduleText(row.from),
      scheduleText(row.to),
      daysSlippedText(row.daysSlipped),
      row.reschedules.map((step) => `• ${step.reason}\n   ${noteByline(step)}`).join('\n'),
    ]),
  );
}
