import { RAG_STATUSES, type RagStatus } from '../../plans/domain/rag.js';

/** What a monthly update recorded, as the page it returns to says it in its success banner. */
export interface RecordedUpdate {
  readonly actionId: string;
  /** The new RAG, when it changed. */
  readonly rag: RagStatus | null;
  readonly noteRecorded: boolean;
}

/**
 * Where to go after an update was recorded: back where the form was, saying what was recorded in
 * the address (no server state). The RAG changed when the update took more versions than the note.
 */
export function locationAfterUpdate(
  returnTo: string,
  updated: { readonly id: string; readonly version: number; readonly rag: RagStatus },
  expectedVersion: number,
  noteRecorded: boolean,
): string {
  const target = new URL(returnTo, 'http://pages.invalid');
  for (const name of ['updated', 'rag', 'note']) target.searchParams.delete(name);
  target.searchParams.set('updated', updated.id);
  const ragChanged = updated.version - expectedVersion > (noteRecorded ? 1 : 0);
  if (ragChanged) target.searchParams.set('rag', updated.rag);
  if (noteRecorded) target.searchParams.set('note', '1');
  return `${target.pathname}${target.search}`;
}

type Query = Readonly<Record<string, unknown>>;

/** The update a page was sent back with, if it names one of the actions the page shows. */
export function recordedUpdate(query: Query, shownActionIds: readonly string[]): RecordedUpdate | undefined {
  const { updated, rag, note } = query;
  if (typeof updated !== 'string' || !shownActionIds.includes(updated)) return undefined;
  const isRag = typeof rag === 'string' && (RAG_STATUSES as readonly string[]).includes(rag);
  return { actionId: updated, rag: isRag ? (rag as RagStatus) : null, noteRecorded: note === '1' };
}
