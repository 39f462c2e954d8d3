import { describe, expect, it } from '@jest/globals';
import { DuplicateEventIdError } from '../../../src/event-store/event-store.port.js';
import { historyUntilNow } from '../../../src/event-store/history-until-now.js';
import { newEvents, rejectionOf, testStreams } from './events.js';
import type { CurrentFixture } from './fixture.js';

export function describeIdempotencyContract(fixture: CurrentFixture): void {
  describe('idempotent append by event id', () => {
    it('stores a retried batch once and returns the original result', async () => {
      const { store } = fixture();
      const { prefix, stream } = testStreams();
      const batch = newEvents(3);
      const original = await store.append(stream('plan'), batch, 'no_stream');
      expect(await store.append(stream('plan'), batch, 'no_stream')).toEqual(original);
      expect(await store.append(stream('plan'), batch, 0)).toEqual(original);
      expect(await historyUntilNow(store, { streamPrefix: prefix })).toHaveLength(3);
    });

    it('returns the original result when the stream has moved on since', async () => {
      const { store } = fixture();
      const { prefix, stream } = testStreams();
      const first = newEvents(2);
      const second = newEvents(2);
      const firstResult = await store.append(stream('plan'), first, 'no_stream');
      const secondResult = await store.append(stream('plan'), second, 1);
      await store.append(stream('plan'), newEvents(1), 3);
      expect(await store.append(stream('plan'), first, 'no_stream')).toEqual(firstResult);
      expect(await store.append(stream('plan'), second, 1)).toEqual(secondResult);
      expect(await historyUntilNow(store, { streamPrefix: prefix })).toHaveLength(5);
    });

    it('rejects a batch that only partly repeats stored events, storing none of it', async () => {
      const { store } = fixture();
      const { prefix, stream } = testStreams();
      const [a, b] = newEvents(2);
      const [c] = newEvents(1);
      if (!a || !b || !c) throw new Error('newEvents gave too few events');
      await store.append(stream('plan'), [a, b], 'no_stream');
      // Expecting where each batch would start had it been a retry: a server then checks the ids.
      for (const [batch, overlapping, expected] of [
        [[b, c], b, 0],
        [[c, a], a, 'no_stream'],
        [[b, a], b, 0],
      ] as const) {
        const error = await rejectionOf(store.append(stream('plan'), batch, expected));
        expect(error).toBeInstanceOf(DuplicateEventIdError);
        expect(error).toMatchObject({ eventId: overlapping.id });
      }
      expect(await historyUntilNow(store, { streamPrefix: prefix })).toHaveLength(2);
    });

    it('rejects an event id already stored in another stream, if the store indexes ids across streams', async () => {
      const { store, eventIdsScope = 'store' } = fixture();
      const { stream } = testStreams();
      const batch = newEvents(1);
      await store.append(stream('plan-1'), batch, 'no_stream');
      const attempt = store.append(stream('plan-2'), batch, 'no_stream');
      if (eventIdsScope === 'stream') {
        // Such a store keeps the copy, and must still recognise a retry of it in its own stream.
        const copy = await attempt;
        expect(await store.append(stream('plan-2'), batch, 'no_stream')).toEqual(copy);
        expect(await store.readStream(stream('plan-2'))).toHaveLength(1);
        return;
      }
      const error = await rejectionOf(attempt);
      expect(error).toBeInstanceOf(DuplicateEventIdError);
      expect(error).toMatchObject({ eventId: batch[0]?.id });
      expect(await store.readStream(stream('plan-2'))).toEqual([]);
    });
  });
}
