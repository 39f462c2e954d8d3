import { describe, expect, it } from '@jest/globals';
import type { SubscriptionMessage } from '../../../src/event-store/event-store.port.js';
import { historyUntilNow } from '../../../src/event-store/history-until-now.js';
import { newEvents, testStreams } from './events.js';
import type { CurrentFixture } from './fixture.js';
import { positionsOf, SubscriptionReader, within } from './subscription-reader.js';

/** How long to listen for a message that must not come. */
const QUIET_MS = 100;

export function describeSubscriptionContract(fixture: CurrentFixture): void {
  describe('subscribeToAll', () => {
    it('delivers history, then caughtUp once, then live events in order', async () => {
      const { store } = fixture();
      const { prefix, stream } = testStreams();
      await store.append(stream('a'), newEvents(2), 'no_stream');
      await store.append(stream('b'), newEvents(1), 'no_stream');
      const reader = new SubscriptionReader(store.subscribeToAll({ streamPrefix: prefix }));
      const history = await reader.takeEvents(3);
      expect(history).toEqual(await historyUntilNow(store, { streamPrefix: prefix }));
      expect(await reader.take(1)).toEqual([{ kind: 'caughtUp', position: history[2]?.position }]);

      // Ask first, so the subscription is waiting when the appends land.
      const live = reader.takeEvents(3);
      await store.append(stream('b'), newEvents(1), 0);
      await store.append(stream('c'), newEvents(2), 'no_stream');
      expect(await live).toEqual((await historyUntilNow(store, { streamPrefix: prefix })).slice(3));
      expect(await reader.nextWithin(QUIET_MS)).toBeUndefined();
    });

    it('starts after a position, exclusive', async () => {
      const { store } = fixture();
      const { prefix, stream } = testStreams();
      await store.append(stream('plan'), newEvents(4), 'no_stream');
      const all = await historyUntilNow(store, { streamPrefix: prefix });
      const afterPosition = all[1]?.position;
      const reader = new SubscriptionReader(store.subscribeToAll({ streamPrefix: prefix, afterPosition }));
      expect(await reader.takeEvents(2)).toEqual(all.slice(2));
      expect(await reader.take(1)).toEqual([{ kind: 'caughtUp', position: all[3]?.position }]);
    });

    it('reports caughtUp at the starting position when there is no history to deliver', async () => {
      const { store } = fixture();
      const { prefix, stream } = testStreams();
      const { position } = await store.append(stream('plan'), newEvents(2), 'no_stream');
      const reader = new SubscriptionReader(
        store.subscribeToAll({ streamPrefix: prefix, afterPosition: position }),
      );
      expect(await reader.take(1)).toEqual([{ kind: 'caughtUp', position }]);
      await store.append(stream('plan'), newEvents(1), 1);
      expect(await reader.takeEvents(1)).toEqual(
        await historyUntilNow(store, { streamPrefix: prefix, afterPosition: position }),
      );
    });

    it('delivers only streams with the prefix, in history and live', async () => {
      const { store } = fixture();
      const { prefix, stream } = testStreams();
      await store.append(stream('plan-1'), newEvents(1), 'no_stream');
      await store.append(stream('other-1'), newEvents(1), 'no_stream');
      const reader = new SubscriptionReader(store.subscribeToAll({ streamPrefix: `${prefix}plan-` }));
      const [history, caughtUp] = [await reader.takeEvents(1), await reader.take(1)];
      expect(history.map((event) => event.stream)).toEqual([stream('plan-1')]);
      expect(caughtUp).toEqual([{ kind: 'caughtUp', position: history[0]?.position }]);
      await store.append(stream('other-1'), newEvents(1), 0);
      await store.append(stream('plan-2'), newEvents(1), 'no_stream');
      expect((await reader.takeEvents(1)).map((event) => event.stream)).toEqual([stream('plan-2')]);
      expect(await reader.nextWithin(QUIET_MS)).toBeUndefined();
    });

    it('delivers live events appended while the consumer handles an earlier one', async () => {
      const { store } = fixture();
      const { prefix, stream } = testStreams();
      const reader = new SubscriptionReader(store.subscribeToAll({ streamPrefix: prefix }));
      await reader.take(1); // caughtUp
      await store.append(stream('plan'), newEvents(1), 'no_stream');
      const [first] = await reader.takeEvents(1);
      // The subscription is not waiting now: it handed `first` over and nobody has asked for more.
      await store.append(stream('plan'), newEvents(1), 0);
      const [second] = await reader.takeEvents(1);
      expect([first?.revision, second?.revision]).toEqual([0, 1]);
    });

    it('misses and repeats nothing when appends race with catch-up', async () => {
      const { store } = fixture();
      const { prefix, stream } = testStreams();
      const streams = ['a', 'b', 'c', 'd', 'e'].map(stream);
      for (const name of streams) await store.append(name, newEvents(240), 'no_stream');
      const expectedCount = streams.length * 240 + 50 + 1;
      const reader = new SubscriptionReader(store.subscribeToAll({ streamPrefix: prefix }));
      const appends: Promise<unknown>[] = [];
      const messages: SubscriptionMessage[] = [];
      while (messages.length < expectedCount) {
        messages.push(...(await reader.take(1)));
        // Start (without awaiting) an append every few messages: they land all through catch-up and after.
        if (messages.length % 25 === 0 && appends.length < 50) {
          appends.push(store.append(stream(`live-${appends.length}`), newEvents(1), 'no_stream'));
        }
      }
      await Promise.all(appends);

      const delivered = messages.flatMap((message) => (message.kind === 'event' ? [message.event] : []));
      expect(messages.filter((message) => message.kind === 'caughtUp')).toHaveLength(1);
      expect(positionsOf(delivered)).toEqual(
        positionsOf(await historyUntilNow(store, { streamPrefix: prefix })),
      );
      expect(await reader.nextWithin(QUIET_MS)).toBeUndefined();
    });

    it('gives concurrent subscribers the same sequence', async () => {
      const { store } = fixture();
      const { prefix, stream } = testStreams();
      await store.append(stream('a'), newEvents(3), 'no_stream');
      const first = new SubscriptionReader(store.subscribeToAll({ streamPrefix: prefix }));
      const second = new SubscriptionReader(store.subscribeToAll({ streamPrefix: prefix }));
      const appends = Array.from({ length: 10 }, (_, index) =>
        store.append(stream(`live-${index}`), newEvents(1), 'no_stream'),
      );
      const [fromFirst, fromSecond] = await Promise.all([first.take(3 + 1 + 10), second.take(3 + 1 + 10)]);
      await Promise.all(appends);
      expect(fromSecond).toEqual(fromFirst);
      expect(fromFirst.filter((message) => message.kind === 'caughtUp')).toHaveLength(1);
    });

    it('ends a for-await loop when closed while waiting for live events', async () => {
      const { store } = fixture();
      const { prefix, stream } = testStreams();
      await store.append(stream('plan'), newEvents(1), 'no_stream');
      const subscription = store.subscribeToAll({ streamPrefix: prefix });
      const seen: string[] = [];
      let reportCaughtUp = () => {};
      const caughtUp = new Promise<void>((resolve) => (reportCaughtUp = resolve));
      const loop = (async () => {
        for await (const message of subscription) {
          seen.push(message.kind);
          if (message.kind === 'caughtUp') reportCaughtUp();
        }
      })();
      await within(caughtUp, 'caughtUp');
      await subscription.close();
      await within(loop, 'the for-await loop to end');
      expect(seen).toEqual(['event', 'caughtUp']);
    });

    it('ends the iteration when closed before it started', async () => {
      const { store } = fixture();
      const subscription = store.subscribeToAll({ streamPrefix: testStreams().prefix });
      await subscription.close();
      expect(await new SubscriptionReader(subscription).endsWithin()).toBe(true);
    });

    it('delivers nothing more once closed, even in the middle of history', async () => {
      const { store } = fixture();
      const { prefix, stream } = testStreams();
      await store.append(stream('plan'), newEvents(3), 'no_stream');
      const subscription = store.subscribeToAll({ streamPrefix: prefix });
      const reader = new SubscriptionReader(subscription);
      await reader.takeEvents(1);
      await subscription.close();
      expect(await reader.endsWithin()).toBe(true);
    });

    it('ends open subscriptions when the store closes', async () => {
      const { store } = fixture();
      const reader = new SubscriptionReader(store.subscribeToAll({ streamPrefix: testStreams().prefix }));
      expect(await reader.take(1)).toEqual([{ kind: 'caughtUp', position: undefined }]);
      await store.close();
      expect(await reader.endsWithin()).toBe(true);
    });
  });
}
