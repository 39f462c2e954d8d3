import { randomUUID } from 'node:crypto';
/** One record of the double's transaction log. Positions are byte offsets, as on a real server. */
export interface StoredEvent {
  readonly id: string;
  readonly stream: string;
  readonly revision: number;
  /** Commit and prepare position: equal for every event appended over gRPC. */
  readonly position: bigint;
  readonly type: string;
  readonly contentType: string;
  readonly data: Uint8Array;
  readonly customMetadata: Uint8Array;
  /** 100-ns ticks since the Unix epoch, as the server's `created` metadata. */
  readonly created: bigint;
}

export interface ProposedEvent {
  readonly id: string;
  readonly type: string;
  readonly contentType: string;
  readonly data: Uint8Array;
  readonly customMetadata: Uint8Array;
}

export type Expected = number | 'no_stream' | 'any' | 'stream_exists';

export type AppendOutcome =
  | { readonly kind: 'written' | 'idempotent'; readonly revision: number; readonly position: bigint }
  | { readonly kind: 'wrong_expected_version'; readonly current: number | undefined }
  | { readonly kind: 'stream_deleted' };

/** Where the first of our records sits: a real log starts with the server's own records. */
const FIRST_POSITION = 4096n;
const RECORD_HEADER_BYTES = 128;

/**
 * The double's storage: an in-memory $all with a per-stream index. `append` follows the commit
 * check of KurrentDB's IndexWriter (expected-version and idempotency rules), with one
 * simplification said below.
 */
export class EventLog {
  private readonly all: StoredEvent[] = [];
  private readonly streams = new Map<string, StoredEvent[]>();
  /** The server's "committed events" cache, by event id. A real one is bounded by memory. */
  private readonly committed = new Map<string, StoredEvent>();
  private readonly listeners = new Set<() => void>();
  /** Soft-deleted streams: the revision their events now start at (see deletions.ts). */
  readonly truncatedBefore = new Map<string, number>();
  readonly tombstoned = new Set<string>();
  private nextPosition = FIRST_POSITION;

  constructor() {
    // A system event first, as a real $all has: readers must filter it out.
    this.write('$epoch-information', [
      {
        id: '00000000-0000-4000-8000-000000000001',
        type: '$epoch-information',
        contentType: 'application/json',
        data: Buffer.from('{"epochNumber":0}'),
        customMetadata: new Uint8Array(),
      },
    ]);
  }

  get events(): readonly StoredEvent[] {
    return this.all;
  }

  /** The stream's events; undefined when it does not exist or was deleted (none left to read). */
  stream(name: string): readonly StoredEvent[] | undefined {
    const from = this.truncatedBefore.get(name) ?? 0;
    const events = this.streams.get(name)?.filter((event) => event.revision >= from);
    return events?.length ? events : undefined;
  }

  /** Called after every write (live subscriptions); returns the unsubscribe function. */
  onWrite(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  append(stream: string, expected: Expected, proposed: readonly ProposedEvent[]): AppendOutcome {
    if (this.tombstoned.has(stream)) return { kind: 'stream_deleted' };
    const existing = this.streams.get(stream) ?? [];
    const current = existing.length - 1;
    // A soft-deleted stream is written again as if new; its revisions carry on where they were.
    if (existing.length === 0 || !this.stream(stream)) {
      // A real server takes this fast path for streams it knows never existed: no idempotency check.
      if (expected !== 'any' && expected !== 'no_stream')
        return { kind: 'wrong_expected_version', current: undefined };
      return this.written(stream, proposed, current);
    }
    if (expected === 'any' || expected === 'stream_exists')
      return this.checkCached(stream, proposed, current);
    const expectedRevision = expected === 'no_stream' ? -1 : expected;
    if (expectedRevision < current) return this.checkAgainstStream(existing, expectedRevision, proposed);
    if (expectedRevision > current) return { kind: 'wrong_expected_version', current };
    return this.written(stream, proposed, current);
  }

  /** 'any' and 'stream_exists': a retry is recognised through the committed-events cache only. */
  private checkCached(stream: string, proposed: readonly ProposedEvent[], current: number): AppendOutcome {
    const found: StoredEvent[] = [];
    for (const event of proposed) {
      const cached = this.committed.get(event.id);
      if (!cached || cached.stream !== stream) {
        // The first id unknown: a new write; a later one: "corrupted idempotency", reported as WEV.
        return found.length === 0
          ? this.written(stream, proposed, current)
          : { kind: 'wrong_expected_version', current };
      }
      found.push(cached);
    }
    const last = found.at(-1);
    if (!last) return this.written(stream, proposed, current);
    return { kind: 'idempotent', revision: last.revision, position: last.position };
  }

  /** An expected revision behind the stream: a retry if the batch sits exactly after it. */
  private checkAgainstStream(
    existing: readonly StoredEvent[],
    expected: number,
    proposed: readonly ProposedEvent[],
  ): AppendOutcome {
    const current = existing.length - 1;
    if (proposed.length === 0) return { kind: 'wrong_expected_version', current };
    for (const [offset, event] of proposed.entries()) {
      if (existing[expected + 1 + offset]?.id !== event.id)
        return { kind: 'wrong_expected_version', current };
    }
    const last = existing[expected + proposed.length];
    if (!last) return { kind: 'wrong_expected_version', current };
    return { kind: 'idempotent', revision: last.revision, position: last.position };
  }

  private written(stream: string, proposed: readonly ProposedEvent[], current: number): AppendOutcome {
    const last = this.write(stream, proposed).at(-1);
    // Appending nothing to the end of a stream succeeds and reports the stream as it is.
    return {
      kind: 'written',
      revision: last?.revision ?? current,
      position: last?.position ?? this.nextPosition,
    };
  }

  /**
   * The log as a backup taken when it held its first `count` records left it: later records are
   * gone and the next append takes the first lost record's position again. Deletions are kept.
   */
  restoreBackup(count: number): void {
    const lost = this.all.splice(count);
    const first = lost[0];
    if (!first) return;
    this.nextPosition = first.position;
    for (const record of lost) {
      this.committed.delete(record.id);
      const stream = this.streams.get(record.stream) ?? [];
      this.streams.set(
        record.stream,
        stream.filter((event) => event.id !== record.id),
      );
    }
  }

  /** Index in $all of the first event at or after a position. */
  indexAt(position: bigint): number {
    let [low, high] = [0, this.all.length];
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((this.all[middle]?.position ?? 0n) < position) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** A record the server writes itself (a deletion marker), at the revision it gives it. */
  writeSystemRecord(stream: string, type: string, data: object, revision?: number): StoredEvent {
    const json = Buffer.from(JSON.stringify(data));
    const event = { id: randomUUID(), type, contentType: 'application/json', data: json };
    return this.write(stream, [{ ...event, customMetadata: new Uint8Array() }], revision)[0]!;
  }

  private write(stream: string, proposed: readonly ProposedEvent[], revision?: number): StoredEvent[] {
    const existing = this.streams.get(stream) ?? [];
    const created = BigInt(Date.now()) * 10_000n;
    const stored = proposed.map((event, offset) => {
      const record: StoredEvent = {
        ...event,
        stream,
        revision: revision ?? existing.length + offset,
        position: this.nextPosition,
        created,
      };
      this.nextPosition += BigInt(
        RECORD_HEADER_BYTES + stream.length + event.data.length + event.customMetadata.length,
      );
      return record;
    });
    if (stored.length === 0) return stored;
    existing.push(...stored);
    this.streams.set(stream, existing);
    this.all.push(...stored);
    for (const record of stored) this.committed.set(record.id, record);
    for (const listener of this.listeners) listener();
    return stored;
  }
}
