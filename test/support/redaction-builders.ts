import type { RedactText } from '../../src/plans/domain/commands.js';
import type { PlanEvent, TextRedacted } from '../../src/plans/domain/events.js';
import { recorded, type GivenEvent } from './decider-spec.js';
import { ACTION_ID, NOTE_ID, PLAN_ID, recordedBy } from './plan-builders.js';

/** Event ids for histories whose texts a redaction names (every stored event has one). */
export const NOTE_EVENT_ID = 'event-note-1';
export const ADDED_EVENT_ID = 'event-action-1-1';
export const RAG_EVENT_ID = 'event-rag-1';
export const REVISED_EVENT_ID = 'event-revised-1';

/** An event as stored: with its id, so its texts can be named. */
export const stored = (event: PlanEvent, eventId: string): GivenEvent => recorded(event, { eventId });

export const REDACTED_BY = recordedBy('Jo Smith', ['ADMIN']);
export const REDACTED_AT = '2026-12-01T10:00:00.000Z';
export const REDACTION_REASON = 'Named a child by mistake';
/** The notice shown in place of a text erased by `textRedacted()` recorded by `redactedBy()`. */
export const NOTICE = `Redacted on 2026-12-01 by Jo Smith: ${REDACTION_REASON}`;

export const redactText = (data: Partial<RedactText['data']> = {}): RedactText => ({
  type: 'RedactText',
  data: { planId: PLAN_ID, noteId: NOTE_ID, reason: REDACTION_REASON, ...data },
});

export const textRedacted = (data: Partial<TextRedacted['data']> = {}): TextRedacted => ({
  type: 'TextRedacted',
  data: {
    planId: PLAN_ID,
    eventId: NOTE_EVENT_ID,
    field: 'text',
    actionId: ACTION_ID,
    noteId: NOTE_ID,
    reason: REDACTION_REASON,
    ...data,
  },
});

/** The redaction as Jo Smith, an ADMIN, recorded it on 1 December 2026. */
export const redactedBy = (event: TextRedacted = textRedacted()): GivenEvent =>
  recorded(event, { recordedAt: REDACTED_AT, actor: REDACTED_BY, eventId: 'event-redaction-1' });
