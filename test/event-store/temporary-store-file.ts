import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  SqliteEventStore,
  type SqliteEventStoreOptions,
} from '../../src/event-store/sqlite/sqlite-event-store.js';

/** An event-store file in its own temporary directory; remove() closes every store opened on it. */
export class TemporaryStoreFile {
  readonly directory = mkdtempSync(join(tmpdir(), 'event-store-'));
  readonly path = join(this.directory, 'events.db');
  private readonly opened: SqliteEventStore[] = [];

  open(options?: SqliteEventStoreOptions): SqliteEventStore {
    const store = SqliteEventStore.open(this.path, options);
    this.opened.push(store);
    return store;
  }

  async remove(): Promise<void> {
    await Promise.all(this.opened.map((store) => store.close()));
    rmSync(this.directory, { recursive: true, force: true });
  }
}
