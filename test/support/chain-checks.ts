import { expect } from '@jest/globals';
import { verifyChain } from '../../src/audit/domain/verify-chain.js';
import type { EventStore, RecordedEvent } from '../../src/event-store/event-store.port.js';
import { historyUntilNow } from '../../src/event-store/history-until-now.js';

/** A stored hash: 64 lower-case hex digits. */
export const A_HASH = expect.stringMatching(/^[0-9a-f]{64}$/);

/** Every stream in the store (with the prefix) is a valid chain whose every event is checked. */
export async function expectEveryChainValid(
  store: Pick<EventStore, 'subscribeToAll'>,
  streamPrefix?: string,
) {
  const streams = new Map<string, RecordedEvent[]>();
  for (const event of await historyUntilNow(store, { streamPrefix })) {
    streams.set(event.stream, [...(streams.get(event.stream) ?? []), event]);
  }
  const verified = [...streams].map(([stream, events]) => ({ stream, ...verifyChain(events) }));
  expect(verified).toEqual(
    [...streams].map(([stream, events]) =>
      expect.objectContaining({ stream, valid: true, eventsChecked: events.length }),
    ),
  );
}
