import type { EventStoreFixture } from '../event-store-contract.js';
import { KurrentDbEventStore } from '../../../src/event-store/kurrentdb/kurrentdb-event-store.js';
import type { KurrentDbEventStoreOptions } from '../../../src/event-store/kurrentdb/settings.js';

/** Short back-off so tests that stop the server do not wait long; a budget long enough for a restart. */
export const FAST_RETRY: KurrentDbEventStoreOptions = {
  retry: { initialDelayMs: 20, maxDelayMs: 200, budgetMs: 1000, deadlineMs: 5000 },
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
