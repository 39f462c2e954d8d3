import { KurrentDBClient, START } from '@kurrent/kurrentdb-client';
import {
  DuplicateEventIdError,
  WrongExpectedRevisionError,
  type AllSubscription,
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeToAllOptions,
} from '../event-store.port.js';
import { assertNoRepeatedIds } from './append-rules.js';
import { appendOnce } from './appends.js';
import { KurrentDbAllSubscription } from './kurrentdb-all-subscription.js';
import { collect, readStreamEvents } from './reads.js';
import { readPositionAt, streamFilter } from './recorded-events.js';
import { DEFAULT_RETRY_POLICY, type KurrentDbEventStoreOptions, type RetryPolicy } from './settings.js';
import { retryTransient, storeFailure, withDeadline } from './transient-failures.js';

/**
 * Event store on a KurrentDB (formerly EventStoreDB) server or cluster, through the official client:
 * one KurrentDB stream per stream of ours, our metadata as the event's JSON metadata, event ids as
 * idempotency keys, $all subscriptions filtered by the server. Transient failures are retried with
 * jittered back-off within a time budget; only the port's errors and KurrentDbFailure leave it,
 * never the client's own.
 */
export class KurrentDbEventStore implements EventStore {
  private readonly subscriptions = new Set<KurrentDbAllSubscription>();
  private readonly retry: RetryPolicy;
  private closed = false;

  private constructor(
    private readonly client: KurrentDBClient,
    private readonly options: KurrentDbEventStoreOptions,
  ) {
    this.retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  }

  /** Connects lazily: nothing is sent before the first call, so a server still starting is fine. */
  static connect(connectionString: string, options: KurrentDbEventStoreOptions = {}): KurrentDbEventStore {
    return new KurrentDbEventStore(KurrentDBClient.connectionString(connectionString), options);
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
    return this.attempt(`append to ${stream}`, () =>
      withDeadline(deadlineMs, () =>
        appendOnce(this.client, stream, events, expected, { deadline: deadlineMs }),
      ),
    );
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const { fromRevision = 0, toRevision, recordedUpTo } = options;
    if (toRevision !== undefined && toRevision < fromRevision) return [];
    const maxCount = toRevision === undefined ? undefined : toRevision - fromRevision + 1;
    const events = await this.attempt(`read of ${stream}`, () =>
      readStreamEvents(this.client, stream, {
        fromRevision: BigInt(fromRevision),
        maxCount,
      }),
    );
    if (recordedUpTo === undefined) return events;
    // Our recordedAt, compared as instants; the server's `created` is truncated on some reads.
    const upTo = recordedUpTo.getTime();
    return events.filter((event) => Date.parse(event.metadata.recordedAt) <= upTo);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const { afterPosition, streamPrefix, maxCount } = options;
    if (maxCount !== undefined && maxCount <= 0) return [];
    // Reading forwards from a position includes the event there: ask for one more, then drop it.
    const extra = afterPosition === undefined ? 0 : 1;
    const events = await this.attempt('read of $all', () =>
      collect(
        this.client.readAll({
          fromPosition: afterPosition === undefined ? START : readPositionAt(afterPosition),
          filter: streamFilter(streamPrefix),
          ...(maxCount === undefined ? {} : { maxCount: maxCount + extra }),
        }),
      ),
    );
    const after = events.filter((event) => afterPosition === undefined || event.position > afterPosition);
    return maxCount === undefined ? after : after.slice(0, maxCount);
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): AllSubscription {
    this.assertOpen();
    const filter = streamFilter(options.streamPrefix);
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
        onClose: (closed) => this.subscriptions.delete(closed),
      },
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    await this.client.dispose();
  }

  private async attempt<T>(operation: string, run: () => Promise<T>): Promise<T> {
    try {
      return await retryTransient(this.retry, run);
    } catch (error) {
      if (error instanceof WrongExpectedRevisionError || error instanceof DuplicateEventIdError) throw error;
      throw storeFailure(operation, this.retry, error);
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('The event store is closed');
  }
}
