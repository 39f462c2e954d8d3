import type { RagDirection, Schedule } from '../../history/domain/plan-diff.js';
import type { Evidence } from '../../plans/domain/evidence.js';
import type { BoardMeeting, Plan } from '../../plans/domain/plan.js';
import type { RagStatus, RagSummary } from '../../plans/domain/rag.js';
import { byRef } from './action-ref.js';
import type { NoteView } from './board-pack.js';

/** Who recorded a change, when, and the day it took effect if given. */
export interface Recorded {
  /** The name of who recorded it; null for changes from before anyone signed in. */
  readonly actor: string | null;
  readonly recordedAt: string;
  readonly effectiveDate: string | null;
}

/** One RAG change of the period. */
export type RagMovementRow = Recorded & {
  readonly ref: string;
  readonly from: RagStatus;
  readonly to: RagStatus;
  readonly direction: RagDirection;
  readonly reason: string;
  readonly evidence: readonly Evidence[];
};

/** An action's RAG at the start of the period (or when added in it) against its RAG at the end. */
export interface NetRagChangeRow {
  readonly ref: string;
  readonly from: RagStatus;
  readonly to: RagStatus;
  readonly direction: RagDirection;
  readonly addedInPeriod: boolean;
  readonly movements: number;
}

export type RescheduleRow = Recorded & { readonly reason: string };

/** An action rescheduled in the period: its dates before and after, and each reschedule's reason. */
export interface SlippedRow {
  readonly ref: string;
  readonly description: string;
  readonly from: Schedule;
  readonly to: Schedule;
  readonly daysSlipped: number | null;
  readonly reschedules: readonly RescheduleRow[];
}

export type NewNoteRow = NoteView & { readonly ref: string };

/** An edit to an action other than its RAG, dates or notes, with the values before and after. */
export type ActionEdit = { readonly ref: string } & (
  | { readonly field: 'owners'; readonly from: readonly string[]; readonly to: readonly string[] }
  | { readonly field: 'description'; readonly from: string; readonly to: string }
);

/** "What changed since the last board", as history's diff found it, ready to show. */
export interface ChangesSince {
  /** The start of the period (exclusive): the end of a board meeting's day, or the plan's creation. */
  readonly since: string;
  readonly sinceBoardMeeting: BoardMeeting | null;
  /** True when the period starts when the plan was created (or before it existed). */
  readonly sincePlanCreated: boolean;
  readonly ragSummaryBefore: RagSummary;
  /** Every RAG change, by ref and then in the order recorded. */
  readonly ragMovements: readonly RagMovementRow[];
  readonly netRagChanges: readonly NetRagChangeRow[];
  readonly slipped: readonly SlippedRow[];
  readonly newNotes: readonly NewNoteRow[];
  readonly addedActions: readonly { ref: string; description: string; rag: RagStatus }[];
  readonly withdrawnActions: readonly { ref: string; description: string }[];
  readonly edits: readonly ActionEdit[];
}

const recorded = (change: {
  readonly actor: { readonly name: string } | null;
  readonly recordedAt: string;
  readonly effectiveDate: string | null;
}): Recorded => ({
  actor: change.actor?.name ?? null,
  recordedAt: change.recordedAt,
  effectiveDate: change.effectiveDate,
});

type RecordedChange = Parameters<typeof recorded>[0];
type OfAction<T> = { readonly action: { readonly ref: string } } & T;

/**
 * What `changesSince` reads of a diff: history's PlanDiff, or the same diff as the API answers it
 * (the web pages' changes page), so both are worded by this one function.
 */
export interface DiffToShow {
  readonly ragSummaryBefore: RagSummary;
  readonly ragMovements: readonly OfAction<
    RecordedChange & Pick<RagMovementRow, 'from' | 'to' | 'direction' | 'reason' | 'evidence'>
  >[];
  readonly netRagChanges: readonly OfAction<
    Omit<NetRagChangeRow, 'ref' | 'movements'> & { readonly movements: readonly unknown[] }
  >[];
  readonly slippedActions: readonly {
    readonly action: { readonly ref: string; readonly description: string };
    readonly from: Schedule;
    readonly to: Schedule;
    readonly daysSlipped: number | null;
    readonly reschedules: readonly (RecordedChange & { readonly reason: string })[];
  }[];
  readonly newProgressNotes: readonly OfAction<{
    readonly note: RecordedChange & { readonly text: string; readonly evidence: readonly Evidence[] };
  }>[];
  readonly addedActions: readonly {
    readonly ref: string;
    readonly description: string;
    readonly rag: RagStatus;
  }[];
  readonly withdrawnActions: readonly { readonly ref: string; readonly description: string }[];
  readonly ownerChanges: readonly OfAction<{
    readonly from: readonly string[];
    readonly to: readonly string[];
  }>[];
  readonly descriptionChanges: readonly OfAction<{ readonly from: string; readonly to: string }>[];
}

/** Reshapes the diff for a board pack; it recomputes nothing. */
export function changesSince(
  plan: Pick<Plan, 'createdAt'>,
  period: {
    readonly since: string;
    readonly sinceBoardMeeting: BoardMeeting | null;
    readonly diff: DiffToShow;
  },
): ChangesSince {
  const { diff } = period;
  const edits: ActionEdit[] = [
    ...diff.ownerChanges.map(({ action, from, to }) => ({
      ref: action.ref,
      field: 'owners' as const,
      from,
      to,
    })),
    ...diff.descriptionChanges.map(({ action, from, to }) => ({
      ref: action.ref,
      field: 'description' as const,
      from,
      to,
    })),
  ];
  return {
    since: period.since,
    sinceBoardMeeting: period.sinceBoardMeeting,
    sincePlanCreated: Date.parse(period.since) <= Date.parse(plan.createdAt),
    ragSummaryBefore: diff.ragSummaryBefore,
    // Sorting is stable: each action's movements stay in the order recorded.
    ragMovements: diff.ragMovements
      .map(({ action, from, to, direction, reason, evidence, ...change }) => ({
        ref: action.ref,
        from,
        to,
        direction,
        reason,
        evidence,
        ...recorded(change),
      }))
      .sort(byRef),
    netRagChanges: diff.netRagChanges
      .map(({ action, from, to, direction, addedInPeriod, movements }) => ({
        ref: action.ref,
        from,
        to,
        direction,
        addedInPeriod,
        movements: movements.length,
      }))
      .sort(byRef),
    slipped: diff.slippedActions
      .map(({ action, from, to, daysSlipped, reschedules }) => ({
        ref: action.ref,
        description: action.description,
        from,
        to,
        daysSlipped,
        reschedules: reschedules.map((step) => ({ reason: step.reason, ...recorded(step) })),
      }))
      .sort(byRef),
    newNotes: diff.newProgressNotes.map(({ action, note }) => ({
      ref: action.ref,
      text: note.text,
      evidence: note.evidence,
      ...recorded(note),
    })),
    addedActions: diff.addedActions
      .map(({ ref, description, rag }) => ({ ref, description, rag }))
      .sort(byRef),
    withdrawnActions: diff.withdrawnActions.map(({ ref, description }) => ({ ref, description })).sort(byRef),
    edits: edits.sort(byRef),
  };
}
