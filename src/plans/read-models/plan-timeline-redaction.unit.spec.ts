import { describe, expect, it } from '@jest/globals';
import {
  ACTION_ID,
  actionAdded,
  PLAN_ID,
  planCreated,
  progressNoteAdded,
  ragStatusChanged,
  themeAdded,
} from '../../../test/support/plan-builders.js';
import { NOTICE, REDACTED_AT, REDACTED_BY, textRedacted } from '../../../test/support/redaction-builders.js';
import type { RecordedEvent } from '../../event-store/event-store.port.js';
import type { PlanEvent } from '../domain/events.js';
import { planStream } from '../plan-stream.js';
import { LoadedPlan } from './loaded-plan.js';

const SECRET = 'Jamie Brown (NHS 943 476 5919) moved placement.';

/** 150 events (snapshots every 64): the note to erase is the 5th, its redaction the last. */
function history(): PlanEvent[] {
  const events: PlanEvent[] = [planCreated(), themeAdded(), actionAdded(), ragStatusChanged()];
  events.push(progressNoteAdded({ text: SECRET }));
  for (let step = 0; events.length < 149; step += 1) {
    events.push(progressNoteAdded({ noteId: `note-${step}`, text: `Progress ${step}.` }));
  }
  events.push(textRedacted({ eventId: 'event-4' }));
  return events;
}

function stored(event: PlanEvent, index: number): RecordedEvent {
  const redaction = event.type === 'TextRedacted';
  const recordedAt = redaction ? REDACTED_AT : new Date(Date.UTC(2024, 3, 1, 9, index)).toISOString();
  return {
    id: `event-${index}`,
    type: event.type,
    data: event.data,
    metadata: {
      correlationId: `c-${index}`,
      causationId: `k-${index}`,
      schemaVersion: 1,
      recordedAt,
      ...(redaction ? { actor: REDACTED_BY } : {}),
    },
    stream: planStream(PLAN_ID),
    revision: index,
    position: BigInt(index + 1),
  };
}

describe('a plan timeline once a text is erased', () => {
  const loaded = new LoadedPlan(PLAN_ID, []);
  const timeline = loaded.timeline;
  history().forEach((event, index) => loaded.apply(stored(event, index)));
  const noteAt = (version: number) =>
    timeline
      .stateAtVersion(version)
      ?.actions.get(ACTION_ID)
      ?.progressNotes.find((note) => note.id === 'note-1');

  it('shows the notice in every version that had the text, across snapshots', () => {
    for (const version of [5, 6, 63, 64, 65, 128, 129, 149]) {
      expect({ version, text: noteAt(version)?.text }).toEqual({ version, text: NOTICE });
    }
  });

  it('never shows the text again, at any version', () => {
    for (let version = 0; version <= 150; version += 1) {
      expect(JSON.stringify(timeline.stateAtVersion(version)?.actions.get(ACTION_ID)) ?? '').not.toContain(
        'Jamie',
      );
    }
  });

  it('ends on the plan the read model holds now', () =>
    expect(timeline.stateAtVersion(150)).toEqual(loaded.plan));

  it('says who erased it only from the redaction on', () => {
    expect(noteAt(149)?.redaction).toBeUndefined();
    expect(noteAt(150)?.redaction).toMatchObject({ redactedAt: REDACTED_AT });
  });
});
