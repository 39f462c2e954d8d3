import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { GroupCommit } from '../sqlite/group-commit.js';
import { Database } from '../sqlite/sqlite-driver.js';
import { TextErasedError, type TextKeys } from './text-keys.port.js';

const BUSY_TIMEOUT_MS = 5000;

interface KeyRow {
  readonly key_id: string;
  readonly key: Buffer | null;
}

/** A destroyed key keeps its row (key NULL), so that its id can never be given a new key. */
const SCHEMA = `CREATE TABLE IF NOT EXISTS text_keys (
  key_id TEXT PRIMARY KEY,
  key BLOB,
  destroyed_at TEXT
) STRICT`;

/**
 * Text keys in a SQLite file of their own (text-keys.db beside events.db): a destroyed key must
 * leave no copy, which takes a checkpoint that truncates the write-ahead log, and the events file's
 * log is busy with readers (subscriptions, other processes) that such a checkpoint would wait for.
 * A file of its own can also be backed up on its own terms (see README.md beside this file).
 */
export class SqliteTextKeys implements TextKeys {
  private readonly insertKey;
  private readonly destroyKeys;
  private readonly selectKeys;
  /** Keys of appends made together are stored together: one commit (and fsync) per group. */
  private readonly puts: GroupCommit<ReadonlyMap<string, Buffer>, KeyRow[]>;

  private constructor(private readonly db: Database) {
    this.insertKey = db.prepare('INSERT INTO text_keys (key_id, key) VALUES (?, ?) ON CONFLICT DO NOTHING');
    this.destroyKeys = db.prepare(
      `INSERT INTO text_keys (key_id, key, destroyed_at) SELECT value, NULL, ? FROM json_each(?) WHERE true
       ON CONFLICT (key_id) DO UPDATE SET key = NULL, destroyed_at = coalesce(destroyed_at, excluded.destroyed_at)`,
    );
    this.selectKeys = db.prepare<[string], KeyRow>(
      'SELECT key_id, key FROM text_keys WHERE key_id IN (SELECT value FROM json_each(?))',
    );
    this.puts = new GroupCommit(db, (keys) => this.putInTransaction(keys));
  }

  static open(filePath: string): SqliteTextKeys {
    mkdirSync(dirname(filePath), { recursive: true });
    const db = new Database(filePath, { timeout: BUSY_TIMEOUT_MS });
    try {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      // A deleted key's bytes are overwritten with zeros instead of lingering in free space.
      db.pragma('secure_delete = ON');
      db.exec(SCHEMA);
      return new SqliteTextKeys(db);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  async putMany(keys: ReadonlyMap<string, Buffer>): Promise<Map<string, Buffer>> {
    const stored = await this.puts.enqueue(keys);
    return new Map(stored.map((row) => [row.key_id, row.key!]));
  }

  async getMany(ids: readonly string[]): Promise<Map<string, Buffer>> {
    const rows = this.rowsOf(ids).filter((row) => row.key !== null);
    return new Map(rows.map((row) => [row.key_id, row.key!]));
  }

  async destroy(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    this.destroyKeys.run(new Date().toISOString(), JSON.stringify(ids));
    // The log still holds the pages as they were when the key was written: copy back and empty it.
    const [result] = this.db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    if (result?.busy !== 0) {
      throw new Error('Text keys destroyed, but another connection kept their old copies in the log');
    }
  }

  async close(): Promise<void> {
    if (!this.db.open) return;
    this.puts.flushAll();
    this.db.close();
  }

  /** A key already stored wins (a retried append finds its first keys); an erased one refuses the put. */
  private putInTransaction(keys: ReadonlyMap<string, Buffer>): KeyRow[] {
    for (const [id, key] of keys) this.insertKey.run(id, key);
    const rows = this.rowsOf([...keys.keys()]);
    const erased = rows.find((row) => row.key === null);
    if (erased) throw new TextErasedError(erased.key_id);
    return rows;
  }

  private rowsOf(ids: readonly string[]): KeyRow[] {
    return this.selectKeys.all(JSON.stringify(ids));
  }
}
