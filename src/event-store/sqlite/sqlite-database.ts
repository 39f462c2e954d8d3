import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Database } from './sqlite-driver.js';

/** How long a write waits for another connection (e.g. an import CLI) to release the lock. */
const BUSY_TIMEOUT_MS = 5000;

/**
 * Schema versions, applied in order; PRAGMA user_version records how many have run.
 * Append new entries, never edit old ones: existing files have already applied them.
 */
const MIGRATIONS: readonly string[] = [
  // UNIQUE (stream, revision) doubles as the index for reading a stream in revision order.
  `CREATE TABLE IF NOT EXISTS events (
     position INTEGER PRIMARY KEY AUTOINCREMENT,
     event_id TEXT NOT NULL UNIQUE,
     stream TEXT NOT NULL,
     revision INTEGER NOT NULL,
     type TEXT NOT NULL,
     data TEXT NOT NULL,
     metadata TEXT NOT NULL,
     UNIQUE (stream, revision)
   ) STRICT`,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Indexes for reads only, created on open when missing. They leave the schema version alone, so a
 * file opened by this code still opens with older code (SQLite keeps every index current on insert).
 */
const READ_INDEXES: readonly string[] = [
  // Subscriptions by event type (the plan index reads a few types of a large log).
  'CREATE INDEX IF NOT EXISTS events_by_type ON events (type, position)',
];

/** Opens (creating if needed) an event-store file, ready for several processes to share. */
export function openDatabase(filePath: string, busyTimeoutMs = BUSY_TIMEOUT_MS): Database {
  mkdirSync(dirname(filePath), { recursive: true });
  const db = new Database(filePath, { timeout: busyTimeoutMs });
  try {
    // WAL lets readers (subscriptions, other processes) proceed while one connection writes.
    const journalMode = db.pragma('journal_mode = WAL', { simple: true });
    if (journalMode !== 'wal') {
      throw new Error(`Event store ${filePath} cannot use WAL (journal mode is ${String(journalMode)})`);
    }
    // FULL syncs the WAL on every commit, so an append is durable before it resolves.
    db.pragma('synchronous = FULL');
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function migrate(db: Database): void {
  // IMMEDIATE: two processes opening a fresh file at once must not both run a migration.
  db.transaction(() => {
    const version = Number(db.pragma('user_version', { simple: true }));
    if (version > SCHEMA_VERSION) {
      throw new Error(`Event store schema version ${version} is newer than this code (${SCHEMA_VERSION})`);
    }
    for (const migration of MIGRATIONS.slice(version)) {
      db.exec(migration);
    }
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
    for (const index of READ_INDEXES) db.exec(index);
  }).immediate();
}
