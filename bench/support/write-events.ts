import { randomUUID } from 'node:crypto';
import type { RecordedActor } from '../../src/auth/domain/actor.js';
import type { NewEvent } from '../../src/event-store/event-store.port.js';
import type { PlanEvent } from '../../src/plans/domain/events.js';
import { toNewEvents } from '../../src/plans/plan-stream.js';

const ACTOR: RecordedActor = {
  id: 'local:bench-editor',
  name: 'Bench Editor',
  roles: ['EDITOR'],
  via: 'api',
};
const NOTE =
  'Several new staff have joined the local authority since December 2023. This has led to a ' +
  'reduction in caseloads; work continues to reduce them further.';
const REASON = 'Audit of March cases shows assessments completed within timescales in most teams.';

/**
 * The events a user's change records, as the app writes them: a RAG change or a progress note with
 * its metadata (correlation, actor, recordedAt, the audit chain's hash): about 600 bytes each.
 */
export function userChangeEvent(index: number): NewEvent {
  const planId = randomUUID();
  const actionId = randomUUID();
  const event: PlanEvent =
    index % 2 === 0
      ? { type: 'RagStatusChanged', data: { planId, actionId, from: 'AMBER', to: 'GREEN', reason: REASON } }
      : {
          type: 'ProgressNoteAdded',
          data: { planId, actionId, noteId: randomUUID(), text: NOTE, personalDataAcknowledged: false },
        };
  const context = {
    correlationId: randomUUID(),
    causationId: randomUUID(),
    recordedAt: new Date().toISOString(),
    actor: ACTOR,
  };
  const [recorded] = toNewEvents([event], context, randomUUID);
  // The chained store adds a SHA-256 to every event's metadata.
  return { ...recorded!, metadata: { ...recorded!.metadata, hash: 'ab'.repeat(32) } };
}

/** Bytes of an event as stored (its type, data and metadata as JSON). */
export function storedBytes(event: NewEvent): number {
  return event.type.length + JSON.stringify(event.data).length + JSON.stringify(event.metadata).length;
}
