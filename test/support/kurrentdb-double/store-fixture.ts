import type { EventStoreFixture } from '../event-store-contract.js';
import { KurrentDbEventStore } from '../../../src/event-store/kurrentdb/kurrentdb-event-store.js';
import type { KurrentDbEventStoreOptions } from '../../../src/event-store/kurrentdb/settings.js';

/**
 * Short back-off so tests that stop the server do not wait long; a budget long enough for a
 * restart. The deadline is generous: on a busy CI machine the double itself can take seconds to
 * answer the contract's racing appends, and a call cut off there would fail a test of something else.
 */
export const FAST_RETRY: KurrentDbEventStoreOptions = {
  retry: { initialDelayMs: 20, maxDelayMs: 200, budgetMs: 1000, deadlineMs: 30_000 },
};

/** Stores on one server (double or real); cleanup closes every one opened. Data stays on the server. */
export function kurrentDbFixture(connectionString: string): EventStoreFixture {
  const opened: KurrentDbEventStore[] = [];
  const open = () => {
    const store = KurrentDbEventStore.connect(connectionString, FAST_RETRY);
    opened.push(store);
    return store;
  };
  return {
    store: open(),
    eventIdsScope: 'stream',
    reopen: async () => open(),
    cleanup: async () => {
      await Promise.all(opened.map((store) => store.close()));
    },
  };
}
