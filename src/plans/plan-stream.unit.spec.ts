import { describe, expect, it } from '@jest/globals';
import type { RecordedEvent } from '../event-store/event-store.port.js';
import { planCreated } from '../../test/support/plan-builders.js';
import { fromRecorded, planStream, recordedRequestOf, toNewEvents } from './plan-stream.js';

const stored = (actor: unknown): RecordedEvent => {
  const event = planCreated();
  return {
    id: 'event-1',
    type: event.type,
    data: event.data,
    metadata: {
      correlationId: 'c',
      causationId: 'k',
      recordedAt: '2024-04-25T09:00:00.000Z',
      schemaVersion: 1,
      ...(actor === undefined ? {} : { actor: actor as object }),
    },
    stream: planStream(event.data.planId),
    revision: 0,
    position: 1n,
  };
};

describe('who made a stored change', () => {
  it('reads the signed-in user recorded on the event', () => {
    const jo = { id: 'local:jo-smith', name: 'Jo Smith', roles: ['EDITOR'], via: 'api' };
    expect(fromRecorded(stored(jo)).context.actor).toEqual(jo);
  });

  it('reads a name an earlier version took unchecked from x-actor as unverified', () =>
    expect(fromRecorded(stored('Service Manager / Ops')).context.actor).toEqual({
      id: 'Service Manager / Ops',
      name: 'Service Manager / Ops',
      roles: [],
      via: 'unverified',
    }));

  it('has no actor for an event recorded without one', () =>
    expect(fromRecorded(stored(undefined)).context).not.toHaveProperty('actor'));
});

describe('the request a stored change belongs to', () => {
  const request = {
    requestKey: 'k'.repeat(64),
    planId: planCreated().data.planId,
    fingerprint: 'f'.repeat(64),
  };

  it('records the key and fingerprint of a keyed request on every event, and reads them back', () => {
    const [event] = toNewEvents(
      [planCreated()],
      { recordedAt: '2024-04-25T09:00:00.000Z', correlationId: 'c', causationId: 'k', request },
      () => 'event-1',
    );
    const recorded = { ...event!, stream: planStream(request.planId), revision: 0, position: 1n };
    expect(recordedRequestOf(recorded)).toEqual({
      ...request,
      recordedAt: '2024-04-25T09:00:00.000Z',
      revision: 0,
      position: 1n,
    });
  });

  it('has none for an event recorded without a key', () =>
    expect(recordedRequestOf(stored(undefined))).toBeUndefined());
});
