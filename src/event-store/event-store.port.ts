/**
 * The event-store port. The application depends on this file only; the SQLite and
 * KurrentDB adapters implement it and must both pass test/support/event-store-contract.ts.
 */

/** Metadata stored beside every event. recordedAt is ours (transaction time), not the store's clock. */
export interface EventMetadata {
  readonly correlationId: string;
  readonly causationId: string;
  /** ISO-8601 instant at which the application recorded the change. */
  readonly recordedAt: string;
  /** Version of the event's data shape, for upcasting. */
  readonly schemaVersion: number;
  /** ISO date the change took effect, when the user gave one. */
  readonly effectiveDate?: string;
  /**
   * Who made the change: the signed-in user ({ id, name, roles, via }), or, on events recorded
   * before sign-in existed, the unchecked name from the x-actor header.
   */
  readonly actor?: object | string;
  /**
   * The request's Idempotency-Key, hashed with the user's id (SHA-256, hex), and a fingerprint of
   * what it asked: a resent request is answered from these. See src/plans/domain/idempotency.ts.
   */
  readonly idempotencyKey?: string;
  readonly requestFingerprint?: string;
  /** SHA-256 (hex) chaining this event to the one before it in its stream: see src/audit/domain. */
  readonly hash?: string;
}

export interface NewEvent {
  /** UUID; also the idempotency key: appending an event id twice stores it once. */
  readonly id: string;
  readonly type: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly metadata: EventMetadata;
}

export interface RecordedEvent extends NewEvent {
  readonly stream: string;
  /** 0-based position of the event in its stream. */
  readonly revision: number;
  /** Position in the store-wide log; increases with every append, may skip values. */
  readonly position: bigint;
}

/**
 * What the writer believes about the stream: the revision of its last event, or 'no_stream' (it
 * must not exist yet).
 */
export type ExpectedRevision = number | 'no_stream';

export interface AppendResult {
  /** Revision of the last event now in the stream. */
  readonly nextExpectedRevision: number;
  /** Global position of the last appended event. */
  readonly position: bigint;
}

export interface ReadStreamOptions {
  /** First revision to read (inclusive). Default 0. */
  readonly fromRevision?: number;
  /** At most this many events. Default: to the end of the stream. */
  readonly maxCount?: number;
}

export type SubscriptionMessage =
  | { readonly kind: 'event'; readonly event: RecordedEvent }
  /** Every historical event has been delivered; later messages are live. Sent once. */
  | { readonly kind: 'caughtUp'; readonly position: bigint | undefined }
  /**
   * A record in the log that is not an event of ours (a deletion marker, a link whose event was
   * truncated away, data that is not JSON): passed over so that one record cannot stop a reader.
   */
  | { readonly kind: 'skipped'; readonly skipped: SkippedRecord };

export interface SkippedRecord {
  readonly stream: string;
  readonly position: bigint | undefined;
  readonly reason: 'tombstone' | 'truncated' | 'unreadable';
  readonly detail: string;
}

export interface SubscribeToAllOptions {
  /** Deliver events after this position (exclusive). Default: from the start. */
  readonly afterPosition?: bigint;
  /** Only events of streams whose name starts with this prefix. */
  readonly streamPrefix?: string;
  /**
   * Only events of these types (exact names). Filtered by the store itself (an index on SQLite, a
   * server-side filter on KurrentDB), so a reader of a few types does not pay for every event.
   */
  readonly eventTypes?: readonly string[];
}

export interface HeadPositionOptions {
  /** The last event of streams whose name starts with this prefix. Default: of any stream of ours. */
  readonly streamPrefix?: string;
}

/** An endless stream of messages; ends only when close() is called (or the store closes). */
export interface AllSubscription extends AsyncIterable<SubscriptionMessage> {
  /**
   * False while an adapter that talks to a server has lost it and is subscribing again (messages
   * then resume after the last one delivered: nothing is missed or repeated). Undefined for
   * adapters that cannot lose their store (SQLite).
   */
  readonly connected?: boolean;
  close(): Promise<void>;
}

export interface EventStore {
  append(stream: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult>;
  /** Events of one stream in revision order; an unknown stream reads as empty. */
  readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** Events of every stream in position order: history, caughtUp, then live events. */
  subscribeToAll(options?: SubscribeToAllOptions): AllSubscription;
  /**
   * The position of the last event stored now (of our streams, or of those with the prefix);
   * undefined when there is none. A subscription with the same prefix that has delivered this
   * position has seen everything stored before the call.
   */
  headPosition(options?: HeadPositionOptions): Promise<bigint | undefined>;
  close(): Promise<void>;
}

/** Injection token for the configured adapter. */
export const EVENT_STORE = Symbol('EventStore');

/** The stream was not at the expected revision: someone else wrote first. */
export class WrongExpectedRevisionError extends Error {
  constructor(
    readonly stream: string,
    readonly expected: ExpectedRevision,
    /** Revision of the stream's last event, or 'no_stream'. */
    readonly actual: number | 'no_stream',
  ) {
    super(`Stream ${stream} is at ${String(actual)}, expected ${String(expected)}`);
    this.name = 'WrongExpectedRevisionError';
  }
}

/** An event id is already stored, but not as part of an identical earlier append. */
export class DuplicateEventIdError extends Error {
  constructor(readonly eventId: string) {
    super(`Event id ${eventId} is already stored with different content or position`);
    this.name = 'DuplicateEventIdError';
  }
}

/**
 * The store could not be reached within the adapter's retry budget (a restart, a leader election).
 * Nothing was done, or a retried append with the same ids will be recognised: trying again is safe.
 */
export class StoreUnavailableError extends Error {
  constructor(
    operation: string,
    /** When trying again is worth it. */
    readonly retryAfterSeconds: number,
    options?: ErrorOptions,
  ) {
    super(`The event store is unavailable (${operation}): try again in ${retryAfterSeconds} s`, options);
    this.name = 'StoreUnavailableError';
  }
}

/** The store refused this application's user: trying again cannot help, its permissions must change. */
export class StoreAccessDeniedError extends Error {
  constructor(operation: string, options?: ErrorOptions) {
    super(
      `The event store refused access (${operation}): its user needs write access to the plan streams ` +
        'and read access to $all (see README)',
      options,
    );
    this.name = 'StoreAccessDeniedError';
  }
}
