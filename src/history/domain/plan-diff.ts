import type { RecordedActor } from '../../auth/domain/actor.js';
import type { PlanDate } from '../../plans/domain/plan-date.js';
import { activeActions, type Action, type Plan, type ProgressNote } from '../../plans/domain/plan.js';
import { summariseRag, type RagStatus, type RagSummary } from '../../plans/domain/rag.js';
import type { PlanChange } from './plan-change.js';

export type RagDirection = 'IMPROVED' | 'WORSENED' | 'FIRST_RATED' | 'RATING_REMOVED';

export interface RagMovement {
  readonly action: Action;
  readonly from: RagStatus;
  readonly to: RagStatus;
  readonly direction: RagDirection;
  /** Reasons given for each RAG change in the period, in order. */
  readonly reasons: string[];
  /** The same reasons with who gave each. */
  readonly reasonsBy: { readonly reason: string; readonly actor: RecordedActor | null }[];
}

export interface Schedule {
  readonly commencing: PlanDate | null;
  readonly dueBy: PlanDate | null;
}

/** What a board asks: what is different between two instants, and why. */
export interface PlanDiff {
  readonly ragMovements: RagMovement[];
  readonly addedActions: Action[];
  readonly withdrawnActions: Action[];
  readonly ownerChanges: { action: Action; from: readonly string[]; to: readonly string[] }[];
  readonly scheduleChanges: { action: Action; from: Schedule; to: Schedule }[];
  readonly descriptionChanges: { action: Action; from: string; to: string }[];
  /** In the order they were recorded. */
  readonly newProgressNotes: { action: Action; note: ProgressNote }[];
  readonly ragSummaryBefore: RagSummary;
  readonly ragSummaryAfter: RagSummary;
}

/** Green is better than amber, amber than red; blue (complete) is best. */
const RAG_RANK: Record<RagStatus, number> = { RED: 0, AMBER: 1, GREEN: 2, BLUE: 3, NOT_RATED: -1 };

export function ragDirection(from: RagStatus, to: RagStatus): RagDirection {
  if (from === 'NOT_RATED') return 'FIRST_RATED';
  if (to === 'NOT_RATED') return 'RATING_REMOVED';
  return RAG_RANK[to] > RAG_RANK[from] ? 'IMPROVED' : 'WORSENED';
}

/**
 * The net difference between the plan at two instants (an action that went AMBER → RED → AMBER
 * has no movement; `changes` keeps every step). `changes` are those recorded in between.
 */
export function diffPlans(before: Plan | undefined, after: Plan, changes: readonly PlanChange[]): PlanDiff {
  const diff: PlanDiff = {
    ragMovements: [],
    addedActions: [],
    withdrawnActions: [],
    ownerChanges: [],
    scheduleChanges: [],
    descriptionChanges: [],
    newProgressNotes: [],
    ragSummaryBefore: summariseRag(before ? activeActions(before).map((action) => action.rag) : []),
    ragSummaryAfter: summariseRag(activeActions(after).map((action) => action.rag)),
  };
  for (const action of after.actions.values()) {
    const was = before?.actions.get(action.id);
    if (action.withdrawn && !was?.withdrawn) diff.withdrawnActions.push(action);
    if (!was) {
      diff.addedActions.push(action);
      diff.newProgressNotes.push(...action.progressNotes.map((note) => ({ action, note })));
      continue;
    }
    compareAction(diff, was, action, changes);
  }
  diff.newProgressNotes.sort((a, b) => a.note.recordedAt.localeCompare(b.note.recordedAt));
  return diff;
}

function compareAction(diff: PlanDiff, was: Action, action: Action, changes: readonly PlanChange[]): void {
  if (was.rag !== action.rag) {
    const ragChanges = changes.filter(
      (change) => change.kind === 'RAG_CHANGED' && change.actionId === action.id && change.reason,
    );
    const reasons = ragChanges.map((change) => change.reason!);
    const reasonsBy = ragChanges.map((change) => ({ reason: change.reason!, actor: change.actor }));
    diff.ragMovements.push({
      action,
      from: was.rag,
      to: action.rag,
      direction: ragDirection(was.rag, action.rag),
      reasons,
      reasonsBy,
    });
  }
  if (was.owners.join('\n') !== action.owners.join('\n')) {
    diff.ownerChanges.push({ action, from: was.owners, to: action.owners });
  }
  if (was.commencing !== action.commencing || was.dueBy !== action.dueBy) {
    const schedule = ({ commencing, dueBy }: Action): Schedule => ({ commencing, dueBy });
    diff.scheduleChanges.push({ action, from: schedule(was), to: schedule(action) });
  }
  if (was.description !== action.description) {
    diff.descriptionChanges.push({ action, from: was.description, to: action.description });
  }
  const known = new Set(was.progressNotes.map((note) => note.id));
  const added = action.progressNotes.filter((note) => !known.has(note.id));
  diff.newProgressNotes.push(...added.map((note) => ({ action, note })));
}
