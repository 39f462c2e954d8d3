import type { Database } from './sqlite-driver.js';
import { decideAppend } from '../append-rules.js';
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
} from '../event-store.port.js';
import { EventsTable } from './events-table.js';
import { GroupCommit } from './group-commit.js';
import { type LogPage, SqliteAllSubscription } from './sqlite-all-subscription.js';
import { openDatabase } from './sqlite-database.js';

export interface SqliteEventStoreOptions {
  /** How often subscriptions look for events appended by other processes. Default 250. */
  readonly pollIntervalMs?: number;
  /** How long a group waits for another connection's write lock before all its appends fail. */
  readonly busyTimeoutMs?: number;
}

/** An append waiting for its group. */
interface QueuedAppend {
  readonly stream: string;
  readonly events: readonly NewEvent[];
  readonly expected: ExpectedRevision;
}

/** Subscriptions read history in pages of this many events rather than all at once. */
const SUBSCRIPTION_PAGE_SIZE = 1000;

/**
 * Event store in one SQLite file. Appends are group-committed (see group-commit.ts): those of one
 * event-loop turn share one IMMEDIATE transaction and one fsync, each checked in its own savepoint.
 * Several processes may share the file: the IMMEDIATE transaction keeps revision checks and
 * positions consistent across connections.
 */
export class SqliteEventStore implements EventStore {
  private readonly subscriptions = new Set<SqliteAllSubscription>();
  private readonly groupCommit: GroupCommit<QueuedAppend, AppendResult>;
  private pollTimer: NodeJS.Timeout | undefined;
  private closed = false;

  private constructor(
    private readonly db: Database,
    private readonly events: EventsTable,
    private readonly pollIntervalMs: number,
  ) {
    this.groupCommit = new GroupCommit(
      db,
      (append) => this.appendInOrder(append),
      () => this.notifySubscriptions(),
    );
  }

  /** Opens the file, creating it and its directory when missing. */
  static open(filePath: string, options: SqliteEventStoreOptions = {}): SqliteEventStore {
    const db = openDatabase(filePath, options.busyTimeoutMs);
    // 64 MiB of pages rather than SQLite's 2 MiB: the indexes of a large log (event ids are random)
    // are otherwise read back from the operating system on nearly every insert.
    db.pragma('cache_size = -65536');
    return new SqliteEventStore(db, new EventsTable(db), options.pollIntervalMs ?? 250);
  }

  /**
   * Appending no events checks the expectation only. The result then describes the stream as it
   * is: its last revision and that event's position, or -1 and the end of the whole log (0n when
   * the log is empty) for a stream that does not exist. Resolves once the append's group has
   * committed (and is on disk); appends issued together are answered as if made one at a time, in
   * the order they were issued.
   */
  async append(
    stream: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    this.assertOpen();
    return this.groupCommit.enqueue({ stream, events, expected });
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const { fromRevision = 0, maxCount = -1 } = options;
    return this.events.readStream(stream, fromRevision, maxCount);
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): AllSubscription {
    this.assertOpen();
    const subscription = new SqliteAllSubscription(
      (afterPosition) => this.readPage(afterPosition, options),
      options.afterPosition,
      (closed) => this.forget(closed),
    );
    this.subscriptions.add(subscription);
    this.watchOtherConnections();
    return subscription;
  }

  async headPosition(options: HeadPositionOptions = {}): Promise<bigint | undefined> {
    this.assertOpen();
    return this.events.lastPosition(options.streamPrefix);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // Appends already accepted are written (and answered) before the file closes.
    this.groupCommit.flushAll();
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    this.db.close();
  }

  /**
   * Inside the group's IMMEDIATE transaction: the rules see the stream as no other writer can
   * change it, including what earlier appends of the same group wrote.
   */
  private appendInOrder({ stream, events, expected }: QueuedAppend): AppendResult {
    const end = this.events.streamEnd(stream);
    const decision = decideAppend(events, expected, {
      stream,
      lastRevision: end?.revision,
      storedWithBatchIds: this.events.findByIds(events.map((event) => event.id)),
    });
    if (decision.kind === 'alreadyStored') return decision.result;
    let revision = decision.firstRevision - 1;
    let position = end?.position ?? this.events.logEnd();
    for (const event of events) {
      revision += 1;
      position = this.events.insert(stream, revision, event);
    }
    return { nextExpectedRevision: revision, position };
  }

  private readPage(afterPosition: bigint, filter: SubscribeToAllOptions): LogPage {
    // Bounding the read by the log end lets a filtered page skip past events of other streams.
    const logEnd = this.events.logEnd();
    const events = this.events.readLog({
      afterPosition,
      upToPosition: logEnd,
      streamPrefix: filter.streamPrefix,
      eventTypes: filter.eventTypes,
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
