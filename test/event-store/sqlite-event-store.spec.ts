import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { DuplicateEventIdError, WrongExpectedRevisionError } from '../../src/event-store/event-store.port.js';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store.js';
import { openDatabase, SCHEMA_VERSION } from '../../src/event-store/sqlite/sqlite-database.js';
import { Database } from '../../src/event-store/sqlite/sqlite-driver.js';
import { historyUntilNow } from '../../src/event-store/history-until-now.js';
import { newEvent, newEvents, rejectionOf } from '../support/event-store-contract/events.js';
import { positionsOf, SubscriptionReader } from '../support/event-store-contract/subscription-reader.js';
import { TemporaryStoreFile } from './temporary-store-file.js';

describe('SqliteEventStore on a file', () => {
  let file: TemporaryStoreFile;

  beforeEach(() => {
    file = new TemporaryStoreFile();
  });

  afterEach(async () => {
    await file.remove();
  });

  it('opens the file with WAL, FULL sync, a busy timeout and the current schema version', () => {
    file.open();
    const db = openDatabase(file.path);
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
      expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    } finally {
      db.close();
    }
  });

  it('creates missing parent directories', async () => {
    const path = join(file.directory, 'nested', 'deeper', 'events.db');
    const store = SqliteEventStore.open(path);
    await store.append('plan-1', newEvents(1), 'no_stream');
    await store.close();
    expect(existsSync(path)).toBe(true);
  });

  it('wakes subscribers on appends through the same instance without waiting for the poll', async () => {
    const store = file.open({ pollIntervalMs: 60_000 });
    const reader = new SubscriptionReader(store.subscribeToAll());
    await reader.take(1); // caughtUp
    const live = reader.takeEvents(1, 1000);
    await store.append('plan-1', newEvents(1), 'no_stream');
    expect(await live).toHaveLength(1);
  });

  it('delivers events appended by another connection to the file, by polling', async () => {
    const store = file.open({ pollIntervalMs: 20 });
    const otherProcess = file.open();
    await store.append('plan-1', newEvents(2), 'no_stream');
    const reader = new SubscriptionReader(store.subscribeToAll());
    await reader.take(3); // history and caughtUp
    // Ask first, so the subscription is already waiting when the other connection commits.
    const live = reader.takeEvents(3, 2000);
    await otherProcess.append('plan-1', newEvents(1), 1);
    await otherProcess.append('plan-2', newEvents(2), 'no_stream');
    expect(positionsOf(await live)).toEqual(positionsOf((await historyUntilNow(store)).slice(2)));
  });

  it('checks revisions and continues positions across connections to the file', async () => {
    const store = file.open();
    const otherProcess = file.open();
    const first = await store.append('plan-1', newEvents(1), 'no_stream');
    const error = await rejectionOf(otherProcess.append('plan-1', newEvents(1), 'no_stream'));
    expect(error).toBeInstanceOf(WrongExpectedRevisionError);
    const second = await otherProcess.append('plan-1', newEvents(1), 0);
    expect(second.position).toBeGreaterThan(first.position);
    expect(await store.readStream('plan-1')).toEqual(await otherProcess.readStream('plan-1'));
  });

  it('delivers a history longer than one read page in order, then caughtUp once', async () => {
    const store = file.open();
    for (let batch = 0; batch < 5; batch += 1)
      await store.append(`plan-${batch}`, newEvents(500), 'no_stream');
    const reader = new SubscriptionReader(store.subscribeToAll());
    const messages = await reader.take(2501);
    expect(messages.at(-1)?.kind).toBe('caughtUp');
    const delivered = messages.flatMap((message) => (message.kind === 'event' ? [message.event] : []));
    expect(positionsOf(delivered)).toEqual(positionsOf(await historyUntilNow(store)));
  });

  it('reports the end of the log for an empty append to a stream that does not exist', async () => {
    const store = file.open();
    expect(await store.append('plan-1', [], 'no_stream')).toEqual({ nextExpectedRevision: -1, position: 0n });
    const { position } = await store.append('plan-2', newEvents(2), 'no_stream');
    expect(await store.append('plan-1', [], 'no_stream')).toEqual({ nextExpectedRevision: -1, position });
  });

  it('returns the original result when a retry repeats the start of an earlier batch', async () => {
    const store = file.open();
    const batch = newEvents(3);
    await store.append('plan-1', batch, 'no_stream');
    const [first] = await store.readStream('plan-1');
    expect(await store.append('plan-1', batch.slice(0, 1), 'no_stream')).toEqual({
      nextExpectedRevision: 0,
      position: first?.position,
    });
  });

  it('rejects a batch that repeats an event id within itself', async () => {
    const store = file.open();
    const event = newEvent('ActionAdded');
    const error = await rejectionOf(store.append('plan-1', [event, event], 'no_stream'));
    expect(error).toBeInstanceOf(DuplicateEventIdError);
    expect(error).toMatchObject({ eventId: event.id });
    expect(await store.readStream('plan-1')).toEqual([]);
  });

  it('delivers nothing at or before a starting position beyond the end of the log', async () => {
    const store = file.open();
    const reader = new SubscriptionReader(store.subscribeToAll({ afterPosition: 3n }));
    expect(await reader.take(1)).toEqual([{ kind: 'caughtUp', position: 3n }]);
    await store.append('plan-1', newEvents(4), 'no_stream');
    expect((await reader.takeEvents(1)).map((event) => event.position)).toEqual([4n]);
  });

  it('reads the second half of a 10,000-event stream quickly', async () => {
    const store = file.open();
    for (let batch = 0; batch < 10; batch += 1) {
      const events = Array.from({ length: 1000 }, () => newEvent('ActionUpdated', { note: 'x'.repeat(200) }));
      await store.append('plan-1', events, batch === 0 ? 'no_stream' : batch * 1000 - 1);
    }
    const started = performance.now();
    const events = await store.readStream('plan-1', { fromRevision: 5000, maxCount: 5000 });
    const elapsedMs = performance.now() - started;
    expect(events.map((event) => event.revision)).toEqual(Array.from({ length: 5000 }, (_, i) => 5000 + i));
    expect(elapsedMs).toBeLessThan(1000);
  });

  it('adds the event-type index to a file made before it, leaving the schema version as it was', async () => {
    await file.open().close();
    const before = openDatabase(file.path);
    before.exec('DROP INDEX events_by_type');
    before.close();
    const store = file.open();
    await store.append('plan-1', [newEvent('PlanCreated'), newEvent('ActionAdded')], 'no_stream');
    // Looked at without openDatabase, which would add the index itself.
    const db = new Database(file.path, { readonly: true });
    try {
      const plan = db.prepare(
        "EXPLAIN QUERY PLAN SELECT position FROM events WHERE type = 'x' ORDER BY position",
      );
      expect(JSON.stringify(plan.all())).toContain('events_by_type');
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    } finally {
      db.close();
    }
    expect((await historyUntilNow(store, { eventTypes: ['ActionAdded'] })).map((e) => e.revision)).toEqual([
      1,
    ]);
  });

  it('rejects use after close', async () => {
    const store = file.open();
    await store.close();
    await expect(store.append('plan-1', newEvents(1), 'no_stream')).rejects.toThrow('closed');
    await expect(store.headPosition()).rejects.toThrow('closed');
    expect(() => store.subscribeToAll()).toThrow('closed');
  });
});
