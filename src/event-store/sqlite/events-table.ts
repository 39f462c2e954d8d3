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
  /** Default: no limit. */
  readonly maxCount?: number;
}

const COLUMNS = 'position, event_id, stream, revision, type, data, metadata';

/** The SQL for the events table; knows rows, not expected revisions or idempotency rules. */
export class EventsTable {
  private readonly insertEvent;
  private readonly selectStreamEnd;
  private readonly selectLogEnd;
  private readonly selectStream;
  private readonly selectLog;
  private readonly selectById;
  private readonly selectFirstStored;

  constructor(db: Database) {
    // Positions are 64-bit; safe integers keep them exact (revisions are converted back to number).
    this.insertEvent = db
      .prepare<[string, string, number, string, string, string], { position: bigint }>(
        `INSERT INTO events (event_id, stream, revision, type, data, metadata)
         VALUES (?, ?, ?, ?, ?, ?) RETURNING position`,
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
         WHERE stream = ? AND revision >= ? AND revision <= ? ORDER BY revision`,
      )
      .safeIntegers();
    this.selectLog = db
      .prepare<[{ after: bigint; upTo: bigint; prefix: string | null; limit: number }], EventRow>(
        `SELECT ${COLUMNS} FROM events
         WHERE position > @after AND position <= @upTo
           AND (@prefix IS NULL OR substr(stream, 1, length(@prefix)) = @prefix)
         ORDER BY position LIMIT @limit`,
      )
      .safeIntegers();
    this.selectById = db
      .prepare<[string], EventRow>(`SELECT ${COLUMNS} FROM events WHERE event_id = ?`)
      .safeIntegers();
    this.selectFirstStored = db.prepare<[string], { id: string }>(
      `SELECT batch.value AS id FROM json_each(?) AS batch
         JOIN events ON events.event_id = batch.value ORDER BY batch.key LIMIT 1`,
    );
  }

  insert(stream: string, revision: number, event: NewEvent): bigint {
    const { id, type, data, metadata } = event;
    const row = this.insertEvent.get(
      id,
      stream,
      revision,
      type,
      JSON.stringify(data),
      JSON.stringify(metadata),
    );
    if (!row) throw new Error(`Insert of event ${id} returned no position`);
    return row.position;
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

  readStream(stream: string, fromRevision: number, toRevision: number): RecordedEvent[] {
    return this.selectStream.all(stream, fromRevision, toRevision).map(toRecordedEvent);
  }

  readLog(range: LogRange): RecordedEvent[] {
    const rows = this.selectLog.all({
      after: range.afterPosition,
      upTo: range.upToPosition ?? END_OF_LOG,
      prefix: range.streamPrefix ?? null,
      limit: range.maxCount ?? -1,
    });
    return rows.map(toRecordedEvent);
  }

  findById(eventId: string): RecordedEvent | undefined {
    const row = this.selectById.get(eventId);
    return row && toRecordedEvent(row);
  }

  /** The first of these ids, in the given order, that is already stored. */
  firstStoredId(eventIds: readonly string[]): string | undefined {
    return this.selectFirstStored.get(JSON.stringify(eventIds))?.id;
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
