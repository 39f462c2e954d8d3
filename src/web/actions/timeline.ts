import { ragLabel } from '../../reports/presentation/display.js';
import { RAG_STATUSES, type RagStatus } from '../../plans/domain/rag.js';
import type { EvidenceAnswer } from '../graphql-fields.js';

/** One entry of actionHistory, as the action page asks for it. */
export interface ActionChange {
  readonly eventId: string;
  readonly kind: string;
  readonly field: string | null;
  readonly from: string | null;
  readonly to: string | null;
  readonly reason: string | null;
  readonly recordedAt: string;
  readonly effectiveDate: string | null;
  readonly actor: { readonly name: string } | null;
  readonly evidence: readonly EvidenceAnswer[];
}

/** A change as the timeline shows it: what happened in words, and the values before and after. */
export interface TimelineEntry extends ActionChange {
  readonly what: string;
  readonly fromText: string | null;
  readonly toText: string | null;
}

const WHAT: Readonly<Record<string, string>> = {
  ACTION_ADDED: 'Action added',
  RAG_CHANGED: 'RAG status changed',
  PROGRESS_NOTE_ADDED: 'Progress note added',
  OWNERS_ASSIGNED: 'Owners changed',
  RESCHEDULED: 'Dates changed',
  DESCRIPTION_REVISED: 'Description revised',
  ACTION_WITHDRAWN: 'Action withdrawn',
  TEXT_REDACTED: 'Text erased',
};

const isRag = (value: string | null): value is RagStatus =>
  value !== null && (RAG_STATUSES as readonly string[]).includes(value);

/** The API's display value, in the words of the rest of the pages (RAG labels). */
function shown(field: string | null, value: string | null): string | null {
  if (field === 'rag' && isRag(value)) return ragLabel(value);
  if (field === 'status' && value !== null) return value === 'WITHDRAWN' ? 'Withdrawn' : 'In the plan';
  return value;
}

export function timelineEntry(change: ActionChange): TimelineEntry {
  const added = change.kind === 'ACTION_ADDED';
  return {
    ...change,
    what: WHAT[change.kind] ?? change.kind,
    // An action's first entry holds its description: the summary above shows it, not the timeline.
    fromText: shown(change.field, change.from),
    toText: added ? null : shown(change.field, change.to),
  };
}

/**
 * The changes made to an action after the version a user saw. An action's version counts the
 * events that changed it (its ActionAdded is version 1); an erasure of text changes no version.
 */
export function changesSince(history: readonly ActionChange[], version: number): ActionChange[] {
  return history.filter((change) => change.kind !== 'TEXT_REDACTED').slice(version);
}
