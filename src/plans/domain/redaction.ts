import type { ChangeContext, PlanEvent, TextField, TextRedacted } from './events.js';
import type { Action, Plan } from './plan.js';
import { findText, redactionNotice, type RecordedTexts, type Redaction } from './recorded-texts.js';

/**
 * The plan once a text was erased: the note or the current description that showed it shows the
 * redaction notice instead. A reason, and a description since revised, show only in history,
 * which rewrites the event it was recorded by with `redactedEvent`.
 */
export function withRedaction(plan: Plan, event: TextRedacted, context: ChangeContext): Plan {
  const { eventId, field, actionId } = event.data;
  const redaction = redactionBy(event, context);
  const texts: RecordedTexts = { fact: { kind: 'redacted', eventId, field, redaction }, earlier: plan.texts };
  const action = actionId === null ? undefined : plan.actions.get(actionId);
  if (!action) return { ...plan, texts };
  // Not a new action version: erasing a text changes nothing an editor decided on.
  const redacted = redactedAction(action, plan.texts, event.data, redaction);
  return { ...plan, texts, actions: new Map(plan.actions).set(action.id, redacted) };
}

function redactedAction(
  action: Action,
  texts: RecordedTexts | null,
  { eventId, field, noteId }: TextRedacted['data'],
  redaction: Redaction,
): Action {
  const notice = redactionNotice(redaction);
  if (noteId !== null) {
    const progressNotes = action.progressNotes.map((note) =>
      note.id === noteId ? { ...note, text: notice, redaction } : note,
    );
    return { ...action, progressNotes };
  }
  const current = findText(
    texts,
    (fact) => fact.kind === 'recorded' && fact.actionId === action.id && fact.fields.includes('description'),
  );
  return field === 'description' && current?.eventId === eventId
    ? { ...action, description: notice }
    : action;
}

/** Who erased the text, when and why, as the TextRedacted event and its context say. */
export const redactionBy = ({ data }: TextRedacted, context: ChangeContext): Redaction => ({
  redactedAt: context.recordedAt,
  redactedBy: context.actor ?? null,
  reason: data.reason,
});

/** The event as it reads once one of its texts was erased: the notice in place of the text. */
export const redactedEvent = (event: PlanEvent, field: TextField, notice: string): PlanEvent =>
  ({ ...event, data: { ...event.data, [field]: notice } }) as PlanEvent;
