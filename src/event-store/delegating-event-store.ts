import type {
  AllSubscription,
  AppendResult,
  EventStore,
  ExpectedRevision,
  HeadPositionOptions,
  NewEvent,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeToAllOptions,
} from './event-store.port.js';

/**
 * An event store that hands every call to the one it wraps: a wrapper (hash chain, metrics)
 * overrides only the calls it adds to, and a method added to the port cannot be forgotten in one.
 */
export abstract class DelegatingEventStore implements EventStore {
  constructor(protected readonly inner: EventStore) {}

  append(stream: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    return this.inner.append(stream, events, expected);
  }

  readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.inner.readStream(stream, options);
  }

  subscribeToAll(options?: SubscribeToAllOptions): AllSubscription {
    return this.inner.subscribeToAll(options);
  }

  headPosition(options?: HeadPositionOptions): Promise<bigint | undefined> {
    return this.inner.headPosition(options);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
