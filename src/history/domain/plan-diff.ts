import { activeActions, type Action, type Plan, type ProgressNote } from '../../plans/domain/plan.js';
import { summariseRag, type RagSummary } from '../../plans/domain/rag.js';
import type { PlanChange, Schedule } from './plan-change.js';
import { netRagChanges, ragMovementsIn, type NetRagChange, type RagMovement } from './rag-movements.js';
import { slippedActions, type SlippedAction } from './slippage.js';

export type { Schedule } from './plan-change.js';
export { ragDirection, type NetRagChange, type RagDirection, type RagMovement } from './rag-movements.js';

/** What a board asks: what is different between two instants, and why. */
export interface PlanDiff {
  /** Every RAG change of the period in the order recorded, those of actions added in it too. */
  readonly ragMovements: RagMovement[];
  /** The net summary beside it: each action's RAG at the start against its RAG at the end. */
  readonly netRagChanges: NetRagChange[];
  /** Actions rescheduled in the period, those added in it too, with every reschedule. */
  readonly slippedActions: SlippedAction[];
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

/**
 * The plan at two instants compared, with `changes` (those recorded in between) for what the two
 * states cannot tell: every RAG movement, even those that cancel out, and every reschedule.
 */
export function diffPlans(before: Plan | undefined, after: Plan, changes: readonly PlanChange[]): PlanDiff {
  const ragMovements = ragMovementsIn(after, changes);
  const diff: PlanDiff = {
    ragMovements,
    netRagChanges: netRagChanges(before, after, ragMovements),
    slippedActions: slippedActions(after, changes),
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
    compareAction(diff, was, action);
  }
  diff.newProgressNotes.sort((a, b) => a.note.recordedAt.localeCompare(b.note.recordedAt));
  return diff;
}

function compareAction(diff: PlanDiff, was: Action, action: Action): void {
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
