import {
  BACKWARDS,
  END,
  KurrentDBClient,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type AllStreamResolvedEvent,
  type ReadStreamOptions as ClientReadStreamOptions,
  type ResolvedEvent,
} from '@kurrent/kurrentdb-client';
import type {
  AllSubscription,
  AppendResult,
  EventStore,
  ExpectedRevision,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeToAllOptions,
} from '../event-store.port.js';
import { WrongExpectedRevisionError } from '../event-store.port.js';
import { assertExpectation, assertNoRepeatedIds, earlierAppendIn, toStreamState } from './append-rules.js';
import { KurrentDbAllSubscription } from './kurrentdb-all-subscription.js';
import { readPositionAt, streamFilter, toEventData, toRecordedEvent } from './recorded-events.js';
import { DEFAULT_RETRY_POLICY, type KurrentDbEventStoreOptions, type RetryPolicy } from './settings.js';
import { retryTransient } from './transient-failures.js';

/**
 * Event store on a KurrentDB (formerly EventStoreDB) server or cluster, through the official client:
 * one KurrentDB stream per stream of ours, our metadata as the event's JSON metadata, event ids as
 * idempotency keys. Only domain errors leave it; transient failures are retried with back-off.
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

  /** Connects lazily: nothing is sent until the first call, so a server still starting is fine. */
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
    return retryTransient(this.retry, () => this.appendOnce(stream, events, expected));
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const { fromRevision = 0, toRevision, recordedUpTo } = options;
    if (toRevision !== undefined && toRevision < fromRevision) return [];
    const maxCount = toRevision === undefined ? undefined : toRevision - fromRevision + 1;
    const events = await retryTransient(this.retry, () =>
      this.readEvents(stream, { fromRevision: BigInt(fromRevision), maxCount }),
    );
    if (recordedUpTo === undefined) return events;
    // Our recordedAt, not the server's `created` (truncated to seconds on some reads); as instants.
    const upTo = recordedUpTo.getTime();
    return events.filter((event) => Date.parse(event.metadata.recordedAt) <= upTo);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const { afterPosition, streamPrefix, maxCount } = options;
    if (maxCount !== undefined && maxCount <= 0) return [];
    // Reading forwards from a position includes the event there: ask for one more and drop it.
    const from = afterPosition === undefined ? START : readPositionAt(afterPosition);
    const extra = afterPosition === undefined ? 0 : 1;
    const events = await retryTransient(this.retry, () =>
      collect(
        this.client.readAll({
          fromPosition: from,
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

  private async appendOnce(
    stream: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    if (events.length === 0) return this.checkOnly(stream, expected);
    // With no revision to check, the server recognises a retry only while the ids are in its cache.
    if (expected === 'any' || expected === 'stream_exists') {
      const earlier = earlierAppendIn(await this.readEvents(stream), events);
      if (earlier) return earlier;
    }
    try {
      const result = await this.client.appendToStream(stream, events.map(toEventData), {
        streamState: toStreamState(expected),
      });
      if (!result.success) return await this.conflict(stream, events, expected);
      const revision = Number(result.nextExpectedRevision);
      // Older servers give no position for a retry they recognised: read the event's own.
      const position = result.position?.commit ?? (await this.eventAt(stream, revision)).position;
      return { nextExpectedRevision: revision, position };
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) return await this.conflict(stream, events, expected);
      throw error;
    }
  }

  /**
   * The server refused the expectation. That is either a retry of a batch already stored elsewhere
   * in the stream (recognised here), a batch reusing stored ids, or a genuine concurrent write.
   */
  private async conflict(
    stream: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    const stored = await this.readEvents(stream);
    const earlier = earlierAppendIn(stored, events);
    if (earlier) return earlier;
    throw new WrongExpectedRevisionError(stream, expected, stored.at(-1)?.revision ?? 'no_stream');
  }

  /**
   * Appending nothing checks the expectation only, and describes the stream as it is: its last
   * revision and that event's position, or -1 and position 0 for a stream that does not exist
   * (there is no cheap "end of our log" in KurrentDB, and the end of $all may be a system event
   * that no subscriber of ours would ever see).
   */
  private async checkOnly(stream: string, expected: ExpectedRevision): Promise<AppendResult> {
    const [last] = await this.readEvents(stream, { fromRevision: END, direction: BACKWARDS, maxCount: 1 });
    assertExpectation(stream, expected, last);
    return last
      ? { nextExpectedRevision: last.revision, position: last.position }
      : { nextExpectedRevision: -1, position: 0n };
  }

  private async eventAt(stream: string, revision: number): Promise<RecordedEvent> {
    const [event] = await this.readEvents(stream, { fromRevision: BigInt(revision), maxCount: 1 });
    if (!event) throw new Error(`Event ${revision} of ${stream} was appended but cannot be read`);
    return event;
  }

  /** A stream's events; a stream that does not exist reads as empty. */
  private async readEvents(stream: string, options: ClientReadStreamOptions = {}): Promise<RecordedEvent[]> {
    try {
      return await collect(this.client.readStream(stream, options));
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('The event store is closed');
  }
}

async function collect(
  events: AsyncIterable<ResolvedEvent | AllStreamResolvedEvent>,
): Promise<RecordedEvent[]> {
  const recorded: RecordedEvent[] = [];
  for await (const resolved of events) recorded.push(toRecordedEvent(resolved));
  return recorded;
}
