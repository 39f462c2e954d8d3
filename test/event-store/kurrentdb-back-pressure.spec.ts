import { afterEach, describe, expect, it } from '@jest/globals';
import { StoreUnavailableError, type AppendResult } from '../../src/event-store/event-store.port.js';
import { InFlightWaitExpired } from '../../src/event-store/kurrentdb/in-flight-limit.js';
import { KurrentDbEventStore } from '../../src/event-store/kurrentdb/kurrentdb-event-store.js';
import type { KurrentDbEventStoreOptions } from '../../src/event-store/kurrentdb/settings.js';
import { newEvents, rejectionOf, testStreams } from '../support/event-store-contract/events.js';
import { KurrentDbDouble, type AppendRefusal } from '../support/kurrentdb-double/kurrentdb-double.js';

const IN_FLIGHT = 8;
const WRITERS = 180;
const SEQUENCED = 20;

const PATIENT: KurrentDbEventStoreOptions = {
  maxAppendsInFlight: IN_FLIGHT,
  retry: { initialDelayMs: 5, maxDelayMs: 50, budgetMs: 10_000, deadlineMs: 5_000 },
};

const SHORT_BUDGET = { initialDelayMs: 10, maxDelayMs: 50, budgetMs: 200, deadlineMs: 600 };

async function timedFailure(store: KurrentDbEventStore, stream: string) {
  const started = Date.now();
  const failure = await rejectionOf(store.append(stream, newEvents(1), 'no_stream'));
  return { failure, ms: Date.now() - started };
}

/** Appends one event at a time to one stream, each expecting the revision the last one made. */
async function sequencedAppends(store: KurrentDbEventStore, stream: string): Promise<AppendResult[]> {
  const results: AppendResult[] = [];
  for (let revision = -1; results.length < SEQUENCED; revision += 1) {
    results.push(await store.append(stream, newEvents(1), revision < 0 ? 'no_stream' : revision));
  }
  return results;
}

/**
 * Over Append the server refuses beyond 4 at once (fewer than the adapter sends). Over BatchAppend
 * batches arrive one after another on one call and a refusal is answered at once, so a server
 * refusing beyond 4 would never hold more than 5: it takes up to 16 and refuses the first 40
 * instead, so that an adapter sending more than its limit would show.
 */
const OVERLOADED = {
  Append: { capacity: 4, workMs: 2 },
  BatchAppend: { capacity: 16, refuseNext: 40, workMs: 5 },
};

describe.each([
  { transport: 'BatchAppend', batchAppend: true, refusal: 'resource-exhausted' },
  { transport: 'Append', batchAppend: false, refusal: 'resource-exhausted' },
  { transport: 'BatchAppend', batchAppend: true, refusal: 'server-busy' },
  { transport: 'Append', batchAppend: false, refusal: 'server-busy' },
] as const)('KurrentDB appends over $transport, the server answering $refusal when busy', (setup) => {
  const refusal: AppendRefusal = setup.refusal;
  let double: KurrentDbDouble;
  let store: KurrentDbEventStore;
  const start = async (options: KurrentDbEventStoreOptions) => {
    double = await KurrentDbDouble.start({ batchAppend: setup.batchAppend });
    store = KurrentDbEventStore.connect(double.connectionString, options);
  };

  afterEach(async () => {
    await store.close();
    await double.close();
  });

  it('stores each of 200 concurrent appends once, none failing, never more than the limit on the wire', async () => {
    await start(PATIENT);
    double.overloadAppends({ ...OVERLOADED[setup.transport], refusal });
    const { prefix, stream } = testStreams();

    const outcomes = await Promise.allSettled([
      ...Array.from({ length: WRITERS }, (_, writer) =>
        store.append(stream(`plan-${writer}`), newEvents(1), 'no_stream'),
      ),
      sequencedAppends(store, stream('shared-plan')),
    ]);

    expect(outcomes.filter(({ status }) => status === 'rejected')).toEqual([]);
    expect(double.appends.refused).toBeGreaterThan(0);
    expect(double.appends.peakOnTheWire).toBeLessThanOrEqual(IN_FLIGHT);
    const stored = double.log.events.filter((event) => event.stream.startsWith(prefix));
    expect(stored).toHaveLength(WRITERS + SEQUENCED);
    expect(new Set(stored.map((event) => event.id)).size).toBe(WRITERS + SEQUENCED);
    const shared = await store.readStream(stream('shared-plan'));
    expect(shared.map((event) => event.revision)).toEqual([...Array(SEQUENCED).keys()]);
  });

  it('answers StoreUnavailableError within the budget when the server refuses every append', async () => {
    await start({ maxAppendsInFlight: 1, retry: SHORT_BUDGET });
    double.overloadAppends({ refuseNext: Number.MAX_SAFE_INTEGER, refusal });
    const { prefix, stream } = testStreams();

    const failures = await Promise.all(
      ['first', 'second', 'third'].map((plan) => timedFailure(store, stream(plan))),
    );

    for (const { failure, ms } of failures) {
      expect(failure).toBeInstanceOf(StoreUnavailableError);
      expect(ms).toBeLessThan(SHORT_BUDGET.budgetMs + 500);
    }
    expect(double.appends.peakOnTheWire).toBe(1);
    expect(double.log.events.filter((event) => event.stream.startsWith(prefix))).toEqual([]);

    double.overloadAppends({});
    await expect(store.append(stream('first'), newEvents(1), 'no_stream')).resolves.toMatchObject({
      nextExpectedRevision: 0,
    });
  });
});

describe('KurrentDB appends waiting for a slot', () => {
  it('give up with StoreUnavailableError when the budget runs out while they wait, never sent', async () => {
    const double = await KurrentDbDouble.start();
    const store = KurrentDbEventStore.connect(double.connectionString, {
      maxAppendsInFlight: 1,
      retry: SHORT_BUDGET,
    });
    try {
      const { stream } = testStreams();
      // The one slot is held by an append the server never answers, until its deadline.
      double.failNextAppend('no-answer');
      const holder = timedFailure(store, stream('holder'));
      const waiting = await Promise.all([timedFailure(store, stream('a')), timedFailure(store, stream('b'))]);

      for (const { failure, ms } of waiting) {
        expect(failure).toBeInstanceOf(StoreUnavailableError);
        expect((failure as Error).cause).toBeInstanceOf(InFlightWaitExpired);
        expect(ms).toBeLessThan(SHORT_BUDGET.deadlineMs);
      }
      expect((await holder).failure).toBeInstanceOf(StoreUnavailableError);
      expect(double.appends.peakOnTheWire).toBe(1);
    } finally {
      await store.close();
      await double.close();
    }
  });
});
