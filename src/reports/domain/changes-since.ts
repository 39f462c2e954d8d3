import type { PlanDiff, RagDirection, Schedule } from '../../history/domain/plan-diff.js';
import type { BoardMeeting, Plan } from '../../plans/domain/plan.js';
import type { RagStatus, RagSummary } from '../../plans/domain/rag.js';
import { byRef } from './action-ref.js';
import type { NoteView } from './board-pack.js';

export interface RagMovementRow {
  readonly ref: string;
  readonly from: RagStatus;
  readonly to: RagStatus;
  readonly direction: RagDirection;
  readonly reasons: readonly string[];
}

export type NewNoteRow = NoteView & { readonly ref: string };

/** An edit to an action other than its RAG or notes, with the values before and after. */
export type ActionEdit = { readonly ref: string } & (
  | { readonly field: 'owners'; readonly from: readonly string[]; readonly to: readonly string[] }
  | { readonly field: 'schedule'; readonly from: Schedule; readonly to: Schedule }
  | { readonly field: 'description'; readonly from: string; readonly to: string }
);

/** "What changed since the last board", as history's diff found it, ready to show. */
export interface ChangesSince {
  /** The start of the period (exclusive): the end of a board meeting's day, or before the plan. */
  readonly since: string;
  readonly sinceBoardMeeting: BoardMeeting | null;
  /** True when the period starts before the plan existed: everything in it is new. */
  readonly sincePlanCreated: boolean;
  readonly ragSummaryBefore: RagSummary;
  readonly ragMovements: readonly RagMovementRow[];
  readonly newNotes: readonly NewNoteRow[];
  readonly addedActions: readonly { ref: string; description: string; rag: RagStatus }[];
  readonly withdrawnActions: readonly { ref: string; description: string }[];
  readonly edits: readonly ActionEdit[];
}

/** Reshapes the diff for a board pack; it recomputes nothing. */
export function changesSince(
  plan: Plan,
  period: {
    readonly since: string;
    readonly sinceBoardMeeting: BoardMeeting | null;
    readonly diff: PlanDiff;
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
    ...diff.scheduleChanges.map(({ action, from, to }) => ({
      ref: action.ref,
      field: 'schedule' as const,
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
    sincePlanCreated: Date.parse(period.since) < Date.parse(plan.createdAt),
    ragSummaryBefore: diff.ragSummaryBefore,
    ragMovements: diff.ragMovements
      .map(({ action, from, to, direction, reasonsBy }) => ({
        ref: action.ref,
        from,
        to,
        direction,
        // Who gave each reason: a board asks who moved it, not only why.
        reasons: reasonsBy.map(({ reason, actor }) => (actor ? `${reason} (${actor.name})` : reason)),
      }))
      .sort(byRef),
    newNotes: diff.newProgressNotes.map(({ action, note }) => ({
      ref: action.ref,
      text: note.text,
      recordedAt: note.recordedAt,
      effectiveDate: note.effectiveDate,
      actor: note.actor?.name ?? null,
    })),
    addedActions: diff.addedActions
      .map(({ ref, description, rag }) => ({ ref, description, rag }))
      .sort(byRef),
    withdrawnActions: diff.withdrawnActions.map(({ ref, description }) => ({ ref, description })).sort(byRef),
    edits: edits.sort(byRef),
  };
}
