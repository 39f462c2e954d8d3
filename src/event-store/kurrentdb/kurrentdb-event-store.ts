import { BACKWARDS, END, KurrentDBClient, START } from '@kurrent/kurrentdb-client';
import { assertNoRepeatedIds } from '../append-rules.js';
import {
  DuplicateEventIdError,
  StoreUnavailableError,
  WrongExpectedRevisionError,
  type AllSubscription,
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type HeadPositionOptions,
  type NewEvent,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeToAllOptions,
} from '../event-store.port.js';
import { appendOnce } from './appends.js';
import { InFlightLimit, InFlightWaitExpired } from './in-flight-limit.js';
import { KurrentDbAllSubscription } from './kurrentdb-all-subscription.js';
import { readStreamEvents } from './reads.js';
import { readPositionAt, streamFilter } from './recorded-events.js';
import { serverFilter } from './server-filter.js';
import {
  DEFAULT_MAX_APPENDS_IN_FLIGHT,
  DEFAULT_RETRY_POLICY,
  type KurrentDbEventStoreOptions,
  type RetryPolicy,
} from './settings.js';
import { retryTransient, storeFailure, withDeadline } from './transient-failures.js';

/**
 * Event store on a KurrentDB (formerly EventStoreDB) server or cluster, through the official client:
 * one KurrentDB stream per stream of ours, our metadata as the event's JSON metadata, event ids as
 * idempotency keys, $all subscriptions filtered by the server. Transient failures are retried with
 * jittered back-off within a time budget, and at most maxAppendsInFlight appends are on the wire at
 * once (the rest queue in order, within the same budget); only the port's errors and KurrentDbFailure leave it,
 * never the client's own.
 */
export class KurrentDbEventStore implements EventStore {
  private readonly subscriptions = new Set<KurrentDbAllSubscription>();
  private readonly retry: RetryPolicy;
  private readonly appendSlots: InFlightLimit;
  private closed = false;
  private client: KurrentDBClient;
  /** Until the server first answers, a failed client is replaced: the official one never recovers. */
  private answered = false;

  private constructor(
    private readonly newClient: () => KurrentDBClient,
    private readonly options: KurrentDbEventStoreOptions,
  ) {
    this.client = newClient();
    this.retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.appendSlots = new InFlightLimit(options.maxAppendsInFlight ?? DEFAULT_MAX_APPENDS_IN_FLIGHT);
  }

  /** Connects lazily: nothing is sent before the first call, so a server still starting is fine. */
  static connect(connectionString: string, options: KurrentDbEventStoreOptions = {}): KurrentDbEventStore {
    return new KurrentDbEventStore(() => KurrentDBClient.connectionString(connectionString), options);
  }

  async append(
    stream: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    this.assertOpen();
    assertNoRepeatedIds(events);
    // A deadline per attempt: a server that takes the append and never answers is retried, then
    // reported unavailable, instead of holding the request for ever. Reads have none of ours: a
    // long history legitimately takes long to read.
    const { deadlineMs } = this.retry;
    return this.attempt(
      `append to ${stream}`,
      () =>
        withDeadline(deadlineMs, () =>
          appendOnce(this.client, stream, events, expected, { deadline: deadlineMs }),
        ),
      this.appendSlots,
    );
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const { fromRevision = 0, maxCount } = options;
    if (maxCount !== undefined && maxCount <= 0) return [];
    return this.attempt(`read of ${stream}`, () =>
      readStreamEvents(this.client, stream, { fromRevision: BigInt(fromRevision), maxCount }),
    );
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): AllSubscription {
    this.assertOpen();
    const { filter, keep } = serverFilter(options);
    const subscription = new KurrentDbAllSubscription(
      (after) =>
        this.client.subscribeToAll({
          fromPosition: after === undefined ? START : readPositionAt(after),
          filter,
        }),
      options.afterPosition,
      {
        retry: this.retry,
        logger: this.options.logger,
        keep,
        onClose: (closed) => this.subscriptions.delete(closed),
      },
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  /** One filtered read of $all backwards from its end: the server skips its own and others' events. */
  async headPosition(options: HeadPositionOptions = {}): Promise<bigint | undefined> {
    this.assertOpen();
    return this.attempt('read of the end of $all', async () => {
      const newest = this.client.readAll({
        fromPosition: END,
        direction: BACKWARDS,
        filter: streamFilter(options.streamPrefix),
        maxCount: 1,
      });
      // Its position whatever it holds: a record we cannot read is still where the log ends.
      for await (const resolved of newest) return resolved.event?.position?.commit ?? resolved.commitPosition;
      return undefined;
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    await this.client.dispose();
  }

  /**
   * Runs an operation within the retry budget, in a slot of `slots` when given: the slot is held
   * through the retries, so a server refusing appends gets fewer of them, not the same number again.
   */
  private async attempt<T>(operation: string, run: () => Promise<T>, slots?: InFlightLimit): Promise<T> {
    const giveUpAt = Date.now() + this.retry.budgetMs;
    let release: (() => void) | undefined;
    try {
      release = await slots?.acquire(giveUpAt - Date.now());
      const result = await retryTransient(this.retry, run, giveUpAt);
      this.answered = true;
      return result;
    } catch (error) {
      if (error instanceof WrongExpectedRevisionError || error instanceof DuplicateEventIdError) throw error;
      const failure = storeFailure(operation, this.retry, error);
      // Never sent (it waited for a slot): no sign that the client is the one that cannot connect.
      if (failure instanceof StoreUnavailableError && !(error instanceof InFlightWaitExpired)) {
        this.reconnectIfNeverAnswered();
      }
      throw failure;
    } finally {
      release?.();
    }
  }

  /**
   * The official client that could not reach the server on its first call keeps failing after the
   * server is back (seen with 1.x): a store that was away when the app started is connected afresh.
   */
  private reconnectIfNeverAnswered(): void {
    if (this.answered || this.closed) return;
    const failed = this.client;
    this.client = this.newClient();
    void failed.dispose().catch(() => undefined);
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('The event store is closed');
  }
}
