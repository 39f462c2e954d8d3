import { performance } from 'node:perf_hooks';
import { Database } from '../../src/event-store/sqlite/sqlite-driver.js';

export interface ScanRate {
  readonly events: number;
  readonly ms: number;
  readonly eventsPerSecond: number;
}

const COLUMNS = 'position, event_id, stream, revision, type, data, metadata';

/**
 * The raw baseline: every event of the file in log order, each row's data and metadata parsed,
 * nothing else. What any read side must at least do, so its rates are reported as ratios to this.
 */
export function rawScan(file: string): ScanRate {
  return timed(file, (db) => {
    let events = 0;
    const rows = db.prepare(`SELECT ${COLUMNS} FROM events ORDER BY position`).safeIntegers();
    for (const row of rows.iterate() as IterableIterator<{ data: string; metadata: string }>) {
      parse(row);
      events += 1;
    }
    return events;
  });
}

/** The same for the streams of some plans, each read alone by its index (what loading one plan costs at least). */
export function rawStreamReads(file: string, streams: readonly string[]): ScanRate {
  return timed(file, (db) => {
    const read = db
      .prepare(`SELECT ${COLUMNS} FROM events WHERE stream = ? ORDER BY revision`)
      .safeIntegers();
    let events = 0;
    for (const stream of streams) {
      for (const row of read.all(stream) as { data: string; metadata: string }[]) {
        parse(row);
        events += 1;
      }
    }
    return events;
  });
}

let parsed: unknown;

function parse(row: { data: string; metadata: string }): void {
  // Kept, so the parse cannot be optimised away.
  parsed = [JSON.parse(row.data), JSON.parse(row.metadata)];
}

function timed(file: string, scan: (db: Database) => number): ScanRate {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const started = performance.now();
    const events = scan(db);
    const ms = performance.now() - started;
    void parsed;
    return { events, ms, eventsPerSecond: (events / ms) * 1000 };
  } finally {
    db.close();
  }
}
