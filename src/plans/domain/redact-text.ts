import type { RedactText } from './commands.js';
import { invalid, notFound } from './errors.js';
import type { PlanEvent, TextField } from './events.js';
import type { Plan } from './plan.js';
import { findText, recordedText, redactionNotice, redactionOf, type TextFact } from './recorded-texts.js';
import { reasonText } from './text-rules.js';

type Recorded = Extract<TextFact, { kind: 'recorded' }>;

/**
 * Decides the erasure of one stored text: it must exist in this plan, hold the field named, and not
 * be erased already; the reason is required and, as every reason, must not identify a child.
 */
export function redactText({ data }: RedactText, plan: Plan): PlanEvent[] {
  const { target, by } = targetOf(data, plan);
  const field = fieldOf(data.field ?? undefined, target);
  const earlier = redactionOf(plan.texts, target.eventId, field);
  if (earlier) throw invalid(by, `That text was already erased. ${redactionNotice(earlier)}`);
  const reason = reasonText(data.reason);
  const { eventId, actionId, noteId } = target;
  return [{ type: 'TextRedacted', data: { planId: plan.id, eventId, field, actionId, noteId, reason } }];
}

function targetOf(data: RedactText['data'], plan: Plan): { target: Recorded; by: 'noteId' | 'eventId' } {
  const { noteId, eventId } = data;
  if (noteId && eventId) throw invalid('eventId', 'Give either noteId or eventId, not both');
  if (noteId) {
    const note = findText(plan.texts, (fact) => fact.kind === 'recorded' && fact.noteId === noteId);
    if (note?.kind !== 'recorded') throw notFound('noteId', 'The plan has no progress note with that id');
    return { target: note, by: 'noteId' };
  }
  if (!eventId) {
    throw invalid('noteId', 'Say which text to erase: a noteId, or the eventId of a change and its field');
  }
  const change = recordedText(plan.texts, eventId);
  if (!change) {
    throw notFound(
      'eventId',
      'The plan has no change with that event id that records a note, reason or description',
    );
  }
  return { target: change, by: 'eventId' };
}

function fieldOf(given: TextField | undefined, target: Recorded): TextField {
  const [only, ...others] = target.fields;
  if (given === undefined) {
    if (only === undefined || others.length > 0) {
      throw invalid('field', `That change records a ${target.fields.join(' and a ')}: say which to erase`);
    }
    return only;
  }
  if (!target.fields.includes(given)) {
    throw invalid('field', `That change records no ${given} (only a ${target.fields.join(' and a ')})`);
  }
  return given;
}
