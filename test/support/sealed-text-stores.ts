import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventStore } from '../../src/event-store/event-store.port.js';
import { KurrentDbEventStore } from '../../src/event-store/kurrentdb/kurrentdb-event-store.js';
import { KurrentDbTextKeys } from '../../src/event-store/sealed-text/kurrentdb-text-keys.js';
import { SealedTextEventStore } from '../../src/event-store/sealed-text/sealed-text-event-store.js';
import { SqliteTextKeys } from '../../src/event-store/sealed-text/sqlite-text-keys.js';
import type { TextKeys } from '../../src/event-store/sealed-text/text-keys.port.js';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store.js';
import { erasedTextOf, sealedFieldsOf } from '../../src/plans/domain/sealed-text.js';
import { FAST_RETRY } from './kurrentdb-double/store-fixture.js';

/** One storage (event store and key store) that several sealing stores, or a raw one, can be opened on. */
export interface SealedTextStorage {
  /** A sealing store as the application opens it (its own key cache, as another instance would have). */
  sealed(): SealedTextEventStore;
  /** The events as stored, sealed texts and all. */
  raw(): EventStore;
  keys(): TextKeys;
  cleanup(): Promise<void>;
}

export const RULES = { sealedFieldsOf, erasedTextOf };

type Closable = { close(): Promise<void> };

function tracking<T extends Closable>(opened: Closable[], open: () => T): () => T {
  return () => {
    const opening = open();
    opened.push(opening);
    return opening;
  };
}

export function sqliteStorage(): SealedTextStorage {
  const directory = mkdtempSync(join(tmpdir(), 'sealed-text-'));
  const opened: Closable[] = [];
  const raw = tracking(opened, () => SqliteEventStore.open(join(directory, 'events.db')));
  const keys = tracking(opened, () => SqliteTextKeys.open(join(directory, 'text-keys.db')));
  return {
    sealed: tracking(opened, () => new SealedTextEventStore(raw(), keys(), RULES)),
    raw,
    keys,
    cleanup: async () => {
      await Promise.all(opened.map((store) => store.close()));
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

/** On a KurrentDB server (the double): the events and the keys are its streams. */
export function kurrentDbStorage(connectionString: string): SealedTextStorage {
  const opened: Closable[] = [];
  const raw = tracking(opened, () => KurrentDbEventStore.connect(connectionString, FAST_RETRY));
  const keys = tracking(opened, () => KurrentDbTextKeys.connect(connectionString));
  return {
    sealed: tracking(opened, () => new SealedTextEventStore(raw(), keys(), RULES)),
    raw,
    keys,
    cleanup: async () => {
      await Promise.all(opened.map((store) => store.close().catch(() => undefined)));
    },
  };
}
