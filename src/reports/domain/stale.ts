import { invalid } from '../../plans/domain/errors.js';
import type { Action } from '../../plans/domain/plan.js';
import type { RagStatus } from '../../plans/domain/rag.js';
import { byRef } from './action-ref.js';

/** Six weeks: a little more than one monthly board cycle, so an action missed at one board shows. */
export const DEFAULT_STALE_AFTER_DAYS = 42;
export const MAX_STALE_AFTER_DAYS = 3650;

export interface Staleness {
  /** When its latest progress note was recorded; null when it has none. */
  readonly lastNoteAt: string | null;
  /** The latest note, or when the action was added if it has no note. */
  readonly quietSince: string;
  /** Whole 24-hour days from `quietSince` to the report's instant. */
  readonly daysQuiet: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** What the rule reads of an action: a domain Action, or an action as the API answers it. */
export type QuietAction = Pick<Action, 'rag' | 'createdAt'> & {
  readonly progressNotes: readonly { readonly recordedAt: string }[];
};

/**
 * Whether an action is stale at an instant: no progress note recorded (transaction time, not the
 * note's effective date) in the `staleAfterDays` × 24 hours before it. An action never noted counts
 * from when it was added. BLUE actions (complete and embedded) need no more notes, so never are.
 * Notes are in the order recorded, and recording time never goes back within a plan.
 */
export function staleness(action: QuietAction, asAt: Date, staleAfterDays: number): Staleness | null {
  if (action.rag === 'BLUE') return null;
  const lastNoteAt = action.progressNotes.at(-1)?.recordedAt ?? null;
  const quietSince = lastNoteAt ?? action.createdAt;
  const quietMs = asAt.getTime() - Date.parse(quietSince);
  if (quietMs < staleAfterDays * DAY_MS) return null;
  return { lastNoteAt, quietSince, daysQuiet: Math.floor(quietMs / DAY_MS) };
}

/** A board acts on a short list: a pack lists this many stale actions and names the rest by ref. */
export const STALE_LISTED = 10;

/** Off track first, then no sign of a start, then in progress, then on track (BLUE is never stale). */
const URGENCY: Record<RagStatus, number> = { RED: 0, NOT_RATED: 1, AMBER: 2, GREEN: 3, BLUE: 4 };

type Ranked = Staleness & { readonly ref: string; readonly rag: RagStatus };

/**
 * The order a board takes stale actions in: by RAG (Red, Not rated, Amber, Green), then the longest
 * without a note first, then by ref. Returns the first `listed` and the refs of the rest.
 */
export function rankStale<T extends Ranked>(
  stale: readonly T[],
  listed = STALE_LISTED,
): { listed: T[]; notListed: string[] } {
  const ranked = [...stale].sort(
    (a, b) => URGENCY[a.rag] - URGENCY[b.rag] || a.quietSince.localeCompare(b.quietSince) || byRef(a, b),
  );
  return {
    listed: ranked.slice(0, listed),
    notListed: ranked
      .slice(listed)
      .sort(byRef)
      .map((action) => action.ref),
  };
}

export function assertStaleAfterDays(days: number): void {
  if (!Number.isInteger(days) || days < 1 || days > MAX_STALE_AFTER_DAYS) {
    throw invalid(
      'staleAfterDays',
      `staleAfterDays must be a whole number from 1 to ${MAX_STALE_AFTER_DAYS}`,
    );
  }
}
