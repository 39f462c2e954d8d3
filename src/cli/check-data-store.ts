import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { EventRow } from '../event-store/sqlite/events-table.js';
import { SCHEMA_VERSION } from '../event-store/sqlite/sqlite-database.js';
import { Database } from '../event-store/sqlite/sqlite-driver.js';
import { problemsInStream, type DataProblem, type StoredEventRow } from './check-data-rules.js';

export const EVENTS_FILE = 'events.db';
export const TEXT_KEYS_FILE = 'text-keys.db';

/** What checking a data folder found. */
export interface DataCheck {
  readonly streams: number;
  readonly events: number;
  readonly filesChecked: readonly string[];
  readonly problems: readonly DataProblem[];
}

/** Undefined when the folder holds no embedded store (no events.db). */
export function checkDataDirectory(dataDir: string): DataCheck | undefined {
  const eventsFile = join(dataDir, EVENTS_FILE);
  if (!existsSync(eventsFile)) return undefined;
  const problems: DataProblem[] = [];
  const filesChecked = [EVENTS_FILE];
  const counts = withReadOnly(eventsFile, EVENTS_FILE, problems, (db) => {
    problems.push(...integrityProblems(db, EVENTS_FILE), ...schemaProblems(db));
    return problems.length === 0 ? checkStreams(db, problems) : { streams: 0, events: 0 };
  });
  const keysFile = join(dataDir, TEXT_KEYS_FILE);
  if (existsSync(keysFile)) {
    filesChecked.push(TEXT_KEYS_FILE);
    withReadOnly(keysFile, TEXT_KEYS_FILE, problems, (db) => {
      problems.push(...integrityProblems(db, TEXT_KEYS_FILE));
    });
  }
  return { ...(counts ?? { streams: 0, events: 0 }), filesChecked, problems };
}

/**
 * Opens the file read-only (SQLite then refuses every write on this connection) and closes it
 * after; a file SQLite cannot read at all is a problem found, not a crash.
 */
function withReadOnly<T>(
  path: string,
  file: string,
  problems: DataProblem[],
  work: (db: Database) => T,
): T | undefined {
  let db: Database | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    return work(db);
  } catch (error) {
    if (!isSqliteError(error)) throw error;
    problems.push({ file, message: `SQLite cannot read it: ${error.message}` });
    return undefined;
  } finally {
    db?.close();
  }
}

/** better-sqlite3's SqliteError carries SQLite's result code: SQLITE_NOTADB, SQLITE_CORRUPT… */
function isSqliteError(error: unknown): error is Error & { code: string } {
  // Not `instanceof Error`: the driver's errors may come from another realm (a test's VM context).
  const { code, message } = (typeof error === 'object' && error !== null ? error : {}) as {
    code?: unknown;
    message?: unknown;
  };
  return typeof code === 'string' && code.startsWith('SQLITE_') && typeof message === 'string';
}

/** PRAGMA integrity_check: the file's pages, records and indexes agree with each other. */
function integrityProblems(db: Database, file: string): DataProblem[] {
  const rows = db.pragma('integrity_check') as { integrity_check: string }[];
  return rows
    .map((row) => row.integrity_check)
    .filter((result) => result !== 'ok')
    .map((result) => ({ file, message: `integrity check: ${result}` }));
}

function schemaProblems(db: Database): DataProblem[] {
  const version = Number(db.pragma('user_version', { simple: true }));
  const hasEvents = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'events'").get();
  if (!hasEvents) return [{ file: EVENTS_FILE, message: 'no events table: not an event store' }];
  if (version > SCHEMA_VERSION) {
    return [
      { file: EVENTS_FILE, message: `schema version ${version} is newer than this code (${SCHEMA_VERSION})` },
    ];
  }
  return [];
}

/** Reads stream by stream, in revision order, one stream in memory at a time. */
function checkStreams(db: Database, problems: DataProblem[]): { streams: number; events: number } {
  const rows = db
    .prepare<[], EventRow>(
      'SELECT position, event_id, stream, revision, type, data, metadata FROM events ORDER BY stream, revision',
    )
    .safeIntegers();
  let streams = 0;
  let events = 0;
  let current: StoredEventRow[] = [];
  const finish = () => {
    if (current.length === 0) return;
    streams += 1;
    problems.push(...problemsInStream(current[0]!.stream, current));
    current = [];
  };
  for (const row of rows.iterate()) {
    if (current.length > 0 && current[0]!.stream !== row.stream) finish();
    events += 1;
    current.push({
      position: row.position,
      eventId: row.event_id,
      stream: row.stream,
      revision: Number(row.revision),
      type: row.type,
      data: row.data,
      metadata: row.metadata,
    });
  }
  finish();
  return { streams, events };
}
