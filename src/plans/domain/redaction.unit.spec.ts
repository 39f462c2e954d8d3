import { describe, expect, it } from '@jest/globals';
import { foldPlan, type GivenEvent } from '../../../test/support/decider-spec.js';
import {
  ACTION_ID,
  actionAdded,
  actionDescriptionRevised,
  planCreated,
  progressNoteAdded,
  ragStatusChanged,
  themeAdded,
} from '../../../test/support/plan-builders.js';
import {
  ADDED_EVENT_ID,
  NOTE_EVENT_ID,
  NOTICE,
  RAG_EVENT_ID,
  REDACTED_AT,
  REDACTED_BY,
  REDACTION_REASON,
  redactedBy,
  REVISED_EVENT_ID,
  stored,
  textRedacted,
} from '../../../test/support/redaction-builders.js';
import type { Plan } from './plan.js';
import { redactedEvent } from './redaction.js';
import { ERASED_TEXT } from './sealed-text.js';

const planWithNote = (text = 'Spoke to Jamie Brown about the move.') => [
  stored(planCreated(), 'event-plan'),
  stored(themeAdded(), 'event-theme'),
  stored(actionAdded(), ADDED_EVENT_ID),
  stored(ragStatusChanged(), RAG_EVENT_ID),
  stored(progressNoteAdded({ text }), NOTE_EVENT_ID),
];
const actionOf = (...history: GivenEvent[]) => (foldPlan(history) as Plan).actions.get(ACTION_ID)!;

describe('folding a redaction', () => {
  it('shows the notice in place of an erased note, and who erased it, when and why', () => {
    const [note] = actionOf(...planWithNote(), redactedBy()).progressNotes;
    expect(note).toMatchObject({
      text: NOTICE,
      redaction: { redactedAt: REDACTED_AT, redactedBy: REDACTED_BY, reason: REDACTION_REASON },
    });
  });

  it('shows the notice in place of the note the store could no longer open', () => {
    const [note] = actionOf(...planWithNote(ERASED_TEXT), redactedBy()).progressNotes;
    expect(note?.text).toBe(NOTICE);
  });

  it('does not count the redaction as a change of the action', () =>
    expect(actionOf(...planWithNote(), redactedBy()).version).toBe(actionOf(...planWithNote()).version));

  it('shows the notice in place of the current description when that is erased', () => {
    const erased = textRedacted({ eventId: ADDED_EVENT_ID, field: 'description', noteId: null });
    expect(actionOf(...planWithNote(), redactedBy(erased)).description).toBe(NOTICE);
  });

  it('keeps the current description when an earlier one is erased', () => {
    const revised = stored(actionDescriptionRevised({ description: 'Audit weekly.' }), REVISED_EVENT_ID);
    const erased = textRedacted({ eventId: ADDED_EVENT_ID, field: 'description', noteId: null });
    expect(actionOf(...planWithNote(), revised, redactedBy(erased)).description).toBe('Audit weekly.');
  });

  it('changes nothing shown now when a reason is erased (reasons show in history)', () => {
    const erased = textRedacted({ eventId: RAG_EVENT_ID, field: 'reason', noteId: null });
    const { version, ...action } = actionOf(...planWithNote(), redactedBy(erased));
    const { version: before, ...unchanged } = actionOf(...planWithNote());
    expect([action, version]).toEqual([unchanged, before]);
  });

  it('rewrites the event that recorded an erased text for history and time travel', () =>
    expect(redactedEvent(ragStatusChanged(), 'reason', NOTICE)).toEqual(
      ragStatusChanged({ reason: NOTICE }),
    ));
});
