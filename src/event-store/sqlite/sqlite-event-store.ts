import type { Database } from './sqlite-driver.js';
import {
  type AllSubscription,
  type AppendResult,
  DuplicateEventIdError,
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeToAllOptions,
} from '../event-store.port.js';
import { EventsTable } from './events-table.js';
import { assertExpectedRevision } from './expected-revision.js';
import { type LogPage, SqliteAllSubscription } from './sqlite-all-subscription.js';
import { openDatabase } from './sqlite-database.js';

export interface SqliteEventStoreOptions {
  /** How often subscriptions look for events appended by other processes. Default 250. */
  readonly pollIntervalMs?: number;
}

/** Subscriptions read history in pages of this many events rather than all at once. */
const SUBSCRIPTION_PAGE_SIZE = 1000;

/**
 * Event store in one SQLite file. Several processes may share the file: each append is one
 * IMMEDIATE transaction, so revision checks and positions stay consistent across connections.
 */
export class SqliteEventStore implements EventStore {
  private readonly subscriptions = new Set<SqliteAllSubscription>();
  private readonly appendInTransaction;
  private pollTimer: NodeJS.Timeout | undefined;
  private closed = false;

  private constructor(
    private readonly db: Database,
    private readonly events: EventsTable,
    private readonly pollIntervalMs: number,
  ) {
    this.appendInTransaction = db.transaction(
      (stream: string, events: readonly NewEvent[], expected: ExpectedRevision) =>
        this.earlierAppend(stream, events) ?? this.appendNew(stream, events, expected),
    );
  }

  /** Opens the file, creating it and its directory when missing. */
  static open(filePath: string, options: SqliteEventStoreOptions = {}): SqliteEventStore {
    const db = openDatabase(filePath);
    return new SqliteEventStore(db, new EventsTable(db), options.pollIntervalMs ?? 250);
  }

  /**
   * Appending no events checks the expectation only. The result then describes the stream as it
   * is: its last revision and that event's position, or -1 and the end of the whole log (0n when
   * the log is empty) for a stream that does not exist.
   */
  async append(
    stream: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    this.assertOpen();
    const result = this.appendInTransaction.immediate(stream, events, expected);
    this.notifySubscriptions();
    return result;
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const { fromRevision = 0, toRevision = Number.MAX_SAFE_INTEGER, recordedUpTo } = options;
    const events = this.events.readStream(stream, fromRevision, toRevision);
    if (recordedUpTo === undefined) return events;
    // Compare instants, not strings: recordedAt may carry any ISO-8601 offset.
    const upTo = recordedUpTo.getTime();
    return events.filter((event) => Date.parse(event.metadata.recordedAt) <= upTo);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const { afterPosition = 0n, streamPrefix, maxCount } = options;
    return this.events.readLog({ afterPosition, streamPrefix, maxCount });
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): AllSubscription {
    this.assertOpen();
    const subscription = new SqliteAllSubscription(
      (afterPosition) => this.readPage(afterPosition, options.streamPrefix),
      options.afterPosition,
      (closed) => this.forget(closed),
    );
    this.subscriptions.add(subscription);
    this.watchOtherConnections();
    return subscription;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    this.db.close();
  }

  /**
   * A retried append (same ids, same order, same stream) returns what the first attempt returned,
   * whatever the expected revision now says; any other reuse of a stored id is an error.
   */
  private earlierAppend(stream: string, events: readonly NewEvent[]): AppendResult | undefined {
    const ids = events.map((event) => event.id);
    const repeated = ids.find((id, index) => ids.indexOf(id) !== index);
    if (repeated !== undefined) throw new DuplicateEventIdError(repeated);
    const firstStored = this.events.firstStoredId(ids);
    if (firstStored === undefined) return undefined;
    // Read where the batch would be in this stream had it been stored whole; an id stored in
    // another stream, or a batch that only overlaps, then fails the comparison.
    const original = this.events.findById(firstStored);
    const from = original?.revision ?? 0;
    const run = this.events.readStream(stream, from, from + ids.length - 1);
    const last = run.at(-1);
    if (!last || run.length !== ids.length || run.some((event, index) => event.id !== ids[index])) {
      throw new DuplicateEventIdError(firstStored);
    }
    return { nextExpectedRevision: last.revision, position: last.position };
  }

  private appendNew(stream: string, events: readonly NewEvent[], expected: ExpectedRevision): AppendResult {
    const end = this.events.streamEnd(stream);
    assertExpectedRevision(stream, expected, end?.revision);
    let revision = end?.revision ?? -1;
    let position = end?.position ?? this.events.logEnd();
    for (const event of events) {
      revision += 1;
      position = this.events.insert(stream, revision, event);
    }
    return { nextExpectedRevision: revision, position };
  }

  private readPage(afterPosition: bigint, streamPrefix: string | undefined): LogPage {
    // Bounding the read by the log end lets a filtered page skip past events of other streams.
    const logEnd = this.events.logEnd();
    const events = this.events.readLog({
      afterPosition,
      upToPosition: logEnd,
      streamPrefix,
      maxCount: SUBSCRIPTION_PAGE_SIZE,
    });
    const full = events.length === SUBSCRIPTION_PAGE_SIZE;
    const readUpTo = full ? (events.at(-1)?.position ?? logEnd) : logEnd;
    // A starting position beyond the log end must not let the cursor move back.
    return { events, readUpTo: readUpTo > afterPosition ? readUpTo : afterPosition };
  }

  /** Appends through this instance notify directly; other connections are noticed by polling. */
  private watchOtherConnections(): void {
    if (this.pollTimer) return;
    // data_version changes only when another connection commits to the file.
    const dataVersion = () => this.db.pragma('data_version', { simple: true });
    let seen = dataVersion();
    this.pollTimer = setInterval(() => {
      const current = dataVersion();
      if (current === seen) return;
      seen = current;
      this.notifySubscriptions();
    }, this.pollIntervalMs);
    this.pollTimer.unref();
  }

  private forget(subscription: SqliteAllSubscription): void {
    this.subscriptions.delete(subscription);
    if (this.subscriptions.size === 0) {
      clearInterval(this.pollTimer);
      this.pollTimer = undefined;
    }
  }

  private notifySubscriptions(): void {
    for (const subscription of this.subscriptions) subscription.notify();
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('The event store is closed');
  }
}
