import type { Database } from './sqlite-driver.js';
import type { EventMetadata, NewEvent, RecordedEvent } from '../event-store.port.js';

/** Larger than any position, so "no upper bound" needs no second query shape. */
const END_OF_LOG = 2n ** 63n - 1n;

/** A row of the events table as SQLite gives it (integers as bigint). */
export interface EventRow {
  readonly position: bigint;
  readonly event_id: string;
  readonly stream: string;
  readonly revision: bigint;
  readonly type: string;
  readonly data: string;
  readonly metadata: string;
}

export interface StreamEnd {
  readonly revision: number;
  readonly position: bigint;
}

export interface LogRange {
  /** Exclusive. */
  readonly afterPosition: bigint;
  /** Inclusive; default: the end of the log. */
  readonly upToPosition?: bigint;
  readonly streamPrefix?: string;
  /** Only events of these types (read through the (type, position) index). */
  readonly eventTypes?: readonly string[];
  /** Default: no limit. */
  readonly maxCount?: number;
}

const COLUMNS = 'position, event_id, stream, revision, type, data, metadata';
const IN_PREFIX = '(@prefix IS NULL OR substr(stream, 1, length(@prefix)) = @prefix)';

interface LogQuery {
  readonly after: bigint;
  readonly upTo: bigint;
  readonly prefix: string | null;
  readonly limit: number;
}

/** The SQL for the events table; knows rows, not expected revisions or idempotency rules. */
export class EventsTable {
  private readonly insertEvent;
  private readonly selectStreamEnd;
  private readonly selectLogEnd;
  private readonly selectStream;
  private readonly selectLog;
  private readonly selectPositionsOfType;
  private readonly selectAtPositions;
  private readonly selectLastOfPrefix;
  private readonly selectByIds;

  constructor(db: Database) {
    // Positions are 64-bit; safe integers keep them exact (revisions are converted back to number).
    // The position is the row id SQLite hands back (cheaper than RETURNING, a result row per insert).
    this.insertEvent = db
      .prepare<[string, string, number, string, string, string]>(
        `INSERT INTO events (event_id, stream, revision, type, data, metadata) VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .safeIntegers();
    this.selectStreamEnd = db
      .prepare<[string], { revision: bigint; position: bigint }>(
        'SELECT revision, position FROM events WHERE stream = ? ORDER BY revision DESC LIMIT 1',
      )
      .safeIntegers();
    this.selectLogEnd = db
      .prepare<[], { position: bigint | null }>('SELECT MAX(position) AS position FROM events')
      .safeIntegers();
    this.selectStream = db
      .prepare<[string, number, number], EventRow>(
        `SELECT ${COLUMNS} FROM events
         WHERE stream = ? AND revision >= ? ORDER BY revision LIMIT ?`,
      )
      .safeIntegers();
    this.selectLog = db
      .prepare<[LogQuery], EventRow>(
        `SELECT ${COLUMNS} FROM events
         WHERE position > @after AND position <= @upTo AND ${IN_PREFIX}
         ORDER BY position LIMIT @limit`,
      )
      .safeIntegers();
    // One ordered range of the (type, position) index per type, merged here: a few types of a large
    // log cost only their own events. (Joined in SQL, every page would sort all that remain.)
    // Without a prefix the index alone answers: the stream column is not even read.
    this.selectPositionsOfType = [IN_PREFIX, 'TRUE'].map((streamCondition) =>
      db
        .prepare<[LogQuery & { type: string }], { position: bigint }>(
          `SELECT position FROM events
           WHERE type = @type AND position > @after AND position <= @upTo AND ${streamCondition}
           ORDER BY position LIMIT @limit`,
        )
        .safeIntegers(),
    );
    this.selectAtPositions = db
      .prepare<[string], EventRow>(
        `SELECT ${COLUMNS} FROM events WHERE position IN (SELECT value FROM json_each(?)) ORDER BY position`,
      )
      .safeIntegers();
    // Backwards from the end: the newest events are almost always of the prefix asked for.
    this.selectLastOfPrefix = db
      .prepare<[{ prefix: string | null }], { position: bigint }>(
        `SELECT position FROM events WHERE ${IN_PREFIX} ORDER BY position DESC LIMIT 1`,
      )
      .safeIntegers();
    this.selectByIds = db
      .prepare<[string], EventRow>(
        `SELECT ${COLUMNS} FROM events WHERE event_id IN (SELECT value FROM json_each(?))`,
      )
      .safeIntegers();
  }

  insert(stream: string, revision: number, event: NewEvent): bigint {
    const { id, type, data, metadata } = event;
    const inserted = this.insertEvent.run(
      id,
      stream,
      revision,
      type,
      JSON.stringify(data),
      JSON.stringify(metadata),
    );
    return BigInt(inserted.lastInsertRowid);
  }

  /** The stream's last event, or undefined when the stream does not exist. */
  streamEnd(stream: string): StreamEnd | undefined {
    const row = this.selectStreamEnd.get(stream);
    return row && { revision: Number(row.revision), position: row.position };
  }

  /** Position of the newest event in the log; 0n when the log is empty (positions start at 1). */
  logEnd(): bigint {
    return this.selectLogEnd.get()?.position ?? 0n;
  }

  /** Position of the newest event of streams with this prefix (any stream without one). */
  lastPosition(streamPrefix: string | undefined): bigint | undefined {
    if (streamPrefix === undefined) return this.selectLogEnd.get()?.position ?? undefined;
    return this.selectLastOfPrefix.get({ prefix: streamPrefix })?.position;
  }

  readStream(stream: string, fromRevision: number, maxCount: number): RecordedEvent[] {
    return this.selectStream.all(stream, fromRevision, maxCount).map(toRecordedEvent);
  }

  readLog(range: LogRange): RecordedEvent[] {
    const query: LogQuery = {
      after: range.afterPosition,
      upTo: range.upToPosition ?? END_OF_LOG,
      prefix: range.streamPrefix ?? null,
      limit: range.maxCount ?? -1,
    };
    if (range.eventTypes) return this.readLogOfTypes(query, range.eventTypes);
    return this.selectLog.all(query).map(toRecordedEvent);
  }

  private positionsOfType(query: LogQuery) {
    const [withPrefix, anyStream] = this.selectPositionsOfType;
    return query.prefix === null ? anyStream! : withPrefix!;
  }

  private readLogOfTypes(query: LogQuery, types: readonly string[]): RecordedEvent[] {
    const positions = types
      .flatMap((type) => this.positionsOfType(query).all({ ...query, type }))
      .map((row) => Number(row.position))
      .sort((left, right) => left - right);
    const page = query.limit < 0 ? positions : positions.slice(0, query.limit);
    if (page.length === 0) return [];
    return this.selectAtPositions.all(JSON.stringify(page)).map(toRecordedEvent);
  }

  /** The stored events with these ids, wherever they are. */
  findByIds(eventIds: readonly string[]): RecordedEvent[] {
    if (eventIds.length === 0) return [];
    return this.selectByIds.all(JSON.stringify(eventIds)).map(toRecordedEvent);
  }
}

function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    id: row.event_id,
    stream: row.stream,
    revision: Number(row.revision),
    position: row.position,
    type: row.type,
    data: JSON.parse(row.data) as Readonly<Record<string, unknown>>,
    metadata: JSON.parse(row.metadata) as EventMetadata,
  };
}
