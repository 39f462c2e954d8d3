import type { ActionCommand, RecordActionUpdate } from './commands.js';
import { changeableAction, decideActionChange } from './decide-action-change.js';
import { DomainError, invalid } from './errors.js';
import type { PlanEvent } from './events.js';
import { evolve, type Plan } from './plan.js';

/**
 * The monthly update, decided as the changes it holds, each on the plan as the one before left it,
 * so that all of it is recorded in one append or none of it is:
 * - a RAG equal to the action's current one is no change: nothing is recorded for it (a form may
 *   always send the RAG), and a reason sent with it is refused rather than dropped;
 * - a change of RAG needs a reason; the note is optional; something must be left to record;
 * - the note expects the version the RAG change leaves the action at.
 */
export function decideActionUpdate(update: RecordActionUpdate, plan: Plan, now: string): PlanEvent[] {
  const action = changeableAction(update, plan, now);
  const { rag, reason, note, noteId, acknowledgePersonalData, evidence, ...change } = update.data;
  const hasNote = note !== undefined && note !== null && note.trim() !== '';
  if ((rag === undefined || rag === null) && !hasNote) {
    throw invalid('note', 'Give a new RAG status, a progress note, or both');
  }
  const ragChanges = rag !== undefined && rag !== null && rag !== action.rag;
  if (rag === action.rag && reason && reason.trim() !== '') {
    throw invalid(
      'reason',
      `Action ${action.ref} is already ${rag}: a reason is recorded with a change of RAG (put it in the note)`,
    );
  }
  if (!ragChanges && !hasNote) {
    throw invalid('rag', `Action ${action.ref} is already ${rag} and there is no note: nothing to record`);
  }
  const parts: ActionCommand[] = [];
  // The evidence backs the RAG when it moves (boards read it beside the reason), else the note.
  if (ragChanges) {
    parts.push({ type: 'ChangeRagStatus', data: { ...change, rag, reason: reason ?? '', evidence } });
  }
  if (hasNote) {
    const expectedVersion =
      change.expectedVersion === undefined ? undefined : change.expectedVersion + parts.length;
    const noteEvidence = ragChanges ? undefined : evidence;
    const data = {
      ...change,
      expectedVersion,
      noteId,
      text: note,
      acknowledgePersonalData,
      evidence: noteEvidence,
    };
    parts.push({ type: 'AddProgressNote', data });
  }
  return decideInOrder(parts, plan, now);
}

function decideInOrder(parts: readonly ActionCommand[], plan: Plan, now: string): PlanEvent[] {
  const events: PlanEvent[] = [];
  let state = plan;
  for (const part of parts) {
    const decided = asUpdateField(() => decideActionChange(part, state, now));
    events.push(...decided);
    state = decided.reduce((folded, event) => evolve(folded, event, { recordedAt: now }), state);
  }
  return events;
}

/** The note's text is the update's `note`: a refusal names the field the user sent. */
function asUpdateField(decision: () => PlanEvent[]): PlanEvent[] {
  try {
    return decision();
  } catch (error) {
    if (!(error instanceof DomainError) || error.field !== 'text') throw error;
    throw new DomainError(error.kind, 'note', error.message.replace(/^text\b/, 'note'));
  }
}
