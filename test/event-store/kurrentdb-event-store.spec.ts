import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import {
  StoreUnavailableError,
  type AllSubscription,
  type ExpectedRevision,
} from '../../src/event-store/event-store.port.js';
import { KurrentDbEventStore } from '../../src/event-store/kurrentdb/kurrentdb-event-store.js';
import { historyUntilNow } from '../../src/event-store/history-until-now.js';
import { newEvent, newEvents, rejectionOf, testStreams } from '../support/event-store-contract/events.js';
import { positionsOf, SubscriptionReader } from '../support/event-store-contract/subscription-reader.js';
import { KurrentDbDouble, type AppendFault } from '../support/kurrentdb-double/kurrentdb-double.js';
import { FAST_RETRY } from '../support/kurrentdb-double/store-fixture.js';

const STREAMS = '/event_store.client.streams.Streams';
const FEATURES = '/event_store.client.server_features.ServerFeatures/GetSupportedMethods';

describe.each([true, false])(
  'KurrentDbEventStore on the protocol double (BatchAppend offered: %p)',
  (batchAppend) => {
    let double: KurrentDbDouble;
    const stores: KurrentDbEventStore[] = [];
    const warnings: string[] = [];
    const open = () => {
      const logger = { log: () => undefined, warn: (message: string) => warnings.push(message) };
      const store = KurrentDbEventStore.connect(double.connectionString, { ...FAST_RETRY, logger });
      stores.push(store);
      return store;
    };

    beforeAll(async () => {
      double = await KurrentDbDouble.start({ batchAppend });
    });

    afterEach(async () => {
      await Promise.all(stores.splice(0).map((store) => store.close()));
      await double.resume();
    });

    afterAll(async () => {
      await double.close();
    });

    it('uses the RPCs a real server serves: features, appends through grpc-js, reads through the bridge', async () => {
      const store = open();
      const { prefix, stream } = testStreams();
      const before = double.calls.length;
      await store.append(stream('plan'), newEvents(2), 'no_stream');
      await store.readStream(stream('plan'));
      await store.headPosition({ streamPrefix: prefix });
      await new SubscriptionReader(store.subscribeToAll({ streamPrefix: prefix })).take(3);
      const calls = new Set(double.calls.slice(before).map((call) => `${call.sender} ${call.path}`));
      expect([...calls].sort()).toEqual(
        [
          `bridge ${FEATURES}`,
          `bridge ${STREAMS}/Read`,
          `grpc-js ${FEATURES}`,
          `grpc-js ${STREAMS}/${batchAppend ? 'BatchAppend' : 'Append'}`,
          `grpc-js ${STREAMS}/Read`,
        ].sort(),
      );
    });

    it.each<[AppendFault, ExpectedRevision]>([
      ['after-commit', 'no_stream'],
      ['after-commit', -1],
      ['before-commit', 'no_stream'],
    ])(
      'retries an append whose connection dropped %s (expecting %p) and stores it once',
      async (fault, expected) => {
        const store = open();
        const { stream } = testStreams();
        const batch = newEvents(2);
        // -1: a stream that already has one event, extended from revision 0.
        const existing = expected === -1 ? newEvents(1) : [];
        if (expected === -1) await store.append(stream('plan'), existing, 'no_stream');
        double.failNextAppend(fault);
        const result = await store.append(stream('plan'), batch, expected === -1 ? 0 : expected);
        const stored = await store.readStream(stream('plan'));
        expect(stored.map((event) => event.id)).toEqual([...existing, ...batch].map((event) => event.id));
        expect(result).toEqual({
          nextExpectedRevision: stored.length - 1,
          position: stored.at(-1)?.position,
        });
      },
    );

    it('reports the store unavailable, with a retry hint, once the server stays away beyond the budget', async () => {
      const store = open();
      const { stream } = testStreams();
      await double.stop();
      const error = await rejectionOf(store.append(stream('plan'), newEvents(1), 'no_stream'));
      expect(error).toBeInstanceOf(StoreUnavailableError);
      expect(String(error)).toMatch(/unavailable \(append to .*plan\)/);
      expect((error as StoreUnavailableError).retryAfterSeconds).toBeGreaterThan(0);
      await double.resume();
      expect((await store.append(stream('plan'), newEvents(1), 'no_stream')).nextExpectedRevision).toBe(0);
    });

    it('reads and subscribes to our streams only, never the server’s own ($-prefixed) ones', async () => {
      const store = open();
      await store.append(testStreams().stream('plan'), newEvents(1), 'no_stream');
      const reader = new SubscriptionReader(store.subscribeToAll());
      const messages = await reader.take(
        double.log.events.filter((event) => !event.stream.startsWith('$')).length + 1,
      );
      const streams = messages.flatMap((m) => (m.kind === 'event' ? [m.event] : []));
      expect(double.log.events.some((event) => event.stream.startsWith('$'))).toBe(true);
      expect(streams.filter((event) => event.stream.startsWith('$'))).toEqual([]);
      double.log.writeSystemRecord('$stats-127.0.0.1:2113', '$statsCollected', {});
      const ours = double.log.events.filter((event) => !event.stream.startsWith('$'));
      expect(await store.headPosition()).toBe(ours.at(-1)?.position);
    });

    it('has the server filter a subscription by event type, and checks a stream prefix itself', async () => {
      const store = open();
      const { prefix, stream } = testStreams();
      const wanted = `PlanCreated${Date.now()}`;
      await store.append(stream('plan-1'), [newEvent(wanted), ...newEvents(200)], 'no_stream');
      await store.append(stream('other'), [newEvent(wanted)], 'no_stream');
      const before = double.sent.subscriptionEvents;
      const delivered = await historyUntilNow(store, {
        eventTypes: [wanted],
        streamPrefix: `${prefix}plan-`,
      });
      expect(delivered.map((event) => [event.stream, event.type])).toEqual([[stream('plan-1'), wanted]]);
      // The 200 other events never left the server; the other stream's one did, and was dropped here.
      expect(double.sent.subscriptionEvents - before).toBe(2);
    });

    describe('when the server goes away and comes back', () => {
      it('resumes a subscription in the middle of history with no gap and no repeat', async () => {
        const store = open();
        const { prefix, stream } = testStreams();
        for (let batch = 0; batch < 6; batch += 1)
          await store.append(stream(`plan-${batch}`), newEvents(500), 'no_stream');
        const subscription = store.subscribeToAll({ streamPrefix: prefix });
        const reader = new SubscriptionReader(subscription);
        const messages = await reader.take(10);
        await bounce(double, subscription);
        messages.push(...(await reader.take(3000 - 10 + 1, 15_000)));

        const delivered = messages.flatMap((message) => (message.kind === 'event' ? [message.event] : []));
        expect(positionsOf(delivered)).toEqual(
          positionsOf(await historyUntilNow(store, { streamPrefix: prefix })),
        );
        expect(messages.at(-1)?.kind).toBe('caughtUp');
        expect(warnings.some((warning) => warning.startsWith('Subscription to $all lost'))).toBe(true);
      });

      it('resumes a live subscription and delivers what is appended afterwards exactly once', async () => {
        const store = open();
        const { prefix, stream } = testStreams();
        await store.append(stream('plan'), newEvents(3), 'no_stream');
        const subscription = store.subscribeToAll({ streamPrefix: prefix });
        const reader = new SubscriptionReader(subscription);
        await reader.take(4); // history and caughtUp
        expect(subscription.connected).toBe(true);
        await bounce(double, subscription);
        await store.append(stream('plan'), newEvents(2), 2);
        const live = await reader.takeEvents(2);
        expect(positionsOf(live)).toEqual(
          positionsOf((await historyUntilNow(store, { streamPrefix: prefix })).slice(3)),
        );
        expect(await reader.nextWithin(200)).toBeUndefined();
      });
    });
  },
);

/** Stops the server, sees the subscription report it, starts the server again and sees it back. */
async function bounce(double: KurrentDbDouble, subscription: AllSubscription): Promise<void> {
  await double.stop();
  await eventually(() => subscription.connected === false, 'the subscription to notice');
  await double.resume();
  await eventually(() => subscription.connected === true, 'the subscription to reconnect');
}

async function eventually(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
