import { invalid } from '../../plans/domain/errors.js';
import type { Action } from '../../plans/domain/plan.js';

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

/**
 * Whether an action is stale at an instant: no progress note recorded (transaction time, not the
 * note's effective date) in the `staleAfterDays` × 24 hours before it. An action never noted counts
 * from when it was added. BLUE actions (complete and embedded) need no more notes, so never are.
 * Notes are in the order recorded, and recording time never goes back within a plan.
 */
export function staleness(action: Action, asAt: Date, staleAfterDays: number): Staleness | null {
  if (action.rag === 'BLUE') return null;
  const lastNoteAt = action.progressNotes.at(-1)?.recordedAt ?? null;
  const quietSince = lastNoteAt ?? action.createdAt;
  const quietMs = asAt.getTime() - Date.parse(quietSince);
  if (quietMs < staleAfterDays * DAY_MS) return null;
  return { lastNoteAt, quietSince, daysQuiet: Math.floor(quietMs / DAY_MS) };
}

export function assertStaleAfterDays(days: number): void {
  if (!Number.isInteger(days) || days < 1 || days > MAX_STALE_AFTER_DAYS) {
    throw invalid(
      'staleAfterDays',
      `staleAfterDays must be a whole number from 1 to ${MAX_STALE_AFTER_DAYS}`,
    );
  }
}
