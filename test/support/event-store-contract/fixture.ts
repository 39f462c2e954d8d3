import type { EventStore } from '../../../src/event-store/event-store.port.js';

export interface EventStoreFixture {
  readonly store: EventStore;
  /** Opens the same storage again, for durability tests; omit when the adapter cannot. */
  readonly reopen?: () => Promise<EventStore>;
  /**
   * Where an event id must be unique: in the whole store (default), or only within its stream.
   * KurrentDB keeps no index of event ids across streams, so its adapter can only see a stream's.
   */
  readonly eventIdsScope?: 'store' | 'stream';
  /**
   * What a decorated store adds to every event's metadata (values may be asymmetric matchers),
   * e.g. the hash a ChainedEventStore stamps; data and the caller's metadata must still round-trip.
   */
  readonly addsToMetadata?: Readonly<Record<string, unknown>>;
  /** Closes every store the fixture opened (some may already be closed) and removes their data. */
  readonly cleanup: () => Promise<void>;
}

export type EventStoreFactory = () => Promise<EventStoreFixture>;

/** The fixture of the running test (a fresh one per test). */
export type CurrentFixture = () => EventStoreFixture;
