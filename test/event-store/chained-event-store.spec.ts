import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { verifyChain } from '../../src/audit/domain/verify-chain.js';
import { ChainedEventStore } from '../../src/event-store/chained/chained-event-store.js';
import { WrongExpectedRevisionError } from '../../src/event-store/event-store.port.js';
import { Database } from '../../src/event-store/sqlite/sqlite-driver.js';
import { appendAtEnd, newEvent, newEvents, rejectionOf } from '../support/event-store-contract/events.js';
import { TemporaryStoreFile } from './temporary-store-file.js';

const STREAM = 'improvementPlan-1';

describe('ChainedEventStore over SQLite', () => {
  let file: TemporaryStoreFile;
  const verified = async () => verifyChain(await file.open().readStream(STREAM));

  beforeEach(() => {
    file = new TemporaryStoreFile();
  });

  afterEach(async () => {
    await file.remove();
  });

  it('stores each event with a hash chained to the one before, across appends', async () => {
    const store = new ChainedEventStore(file.open());
    await store.append(STREAM, newEvents(2), 'no_stream');
    await store.append(STREAM, newEvents(1), 1);
    await store.append(STREAM, newEvents(2), 2);
    await store.append(STREAM, newEvents(1), 4);
    const stored = await store.readStream(STREAM);
    expect(await verified()).toEqual({
      valid: true,
      eventsChecked: 6,
      headHash: stored[5]?.metadata.hash,
      firstInvalidVersion: null,
    });
  });

  it('replaces a hash the caller put in the metadata', async () => {
    const store = new ChainedEventStore(file.open());
    await store.append(STREAM, [newEvent('PlanCreated', {}, { hash: 'f'.repeat(64) })], 'no_stream');
    expect((await verified()).valid).toBe(true);
  });

  it('appends after its own append without reading the stream again', async () => {
    const adapter = file.open();
    const reads = jest.spyOn(adapter, 'readStream');
    const store = new ChainedEventStore(adapter);
    const { nextExpectedRevision } = await store.append(STREAM, newEvents(1), 'no_stream');
    await store.append(STREAM, newEvents(1), nextExpectedRevision);
    expect(reads).not.toHaveBeenCalled();
  });

  it('continues the chain written by another process, reading the head it has not seen', async () => {
    const [here, there] = [new ChainedEventStore(file.open()), new ChainedEventStore(file.open())];
    await here.append(STREAM, newEvents(1), 'no_stream');
    await there.append(STREAM, newEvents(2), 0);
    await here.append(STREAM, newEvents(1), 2);
    await there.append(STREAM, newEvents(1), 3);
    expect(await verified()).toMatchObject({ valid: true, eventsChecked: 5 });
  });

  it('lets a writer with a stale revision lose, storing nothing, and the chain stay whole', async () => {
    const [here, there] = [new ChainedEventStore(file.open()), new ChainedEventStore(file.open())];
    await here.append(STREAM, newEvents(1), 'no_stream');
    await there.append(STREAM, newEvents(1), 0);
    const error = await rejectionOf(here.append(STREAM, newEvents(1), 0));
    expect(error).toBeInstanceOf(WrongExpectedRevisionError);
    expect(error).toMatchObject({ expected: 0, actual: 1 });
    expect(await verified()).toMatchObject({ valid: true, eventsChecked: 2 });
  });

  it('refuses a revision beyond the end of the stream, storing nothing', async () => {
    const store = new ChainedEventStore(file.open());
    await store.append(STREAM, newEvents(1), 'no_stream');
    const error = await rejectionOf(store.append(STREAM, newEvents(1), 5));
    expect(error).toMatchObject({ expected: 5, actual: 0 });
    expect(await verified()).toMatchObject({ valid: true, eventsChecked: 1 });
  });

  it('keeps one chain when appends at the end race from two processes', async () => {
    const [here, there] = [new ChainedEventStore(file.open()), new ChainedEventStore(file.open())];
    await Promise.all(
      Array.from({ length: 12 }, (_, index) => appendAtEnd(index % 2 ? here : there, STREAM)),
    );
    expect(await verified()).toMatchObject({ valid: true, eventsChecked: 12 });
  });

  describe('on a stream recorded before tamper evidence', () => {
    const legacyStream = async () => {
      const adapter = file.open();
      await adapter.append(STREAM, newEvents(3), 'no_stream');
      return adapter;
    };

    it('chains the first new event to every legacy event, so all of them are checked', async () => {
      const store = new ChainedEventStore(await legacyStream());
      await store.append(STREAM, newEvents(2), 2);
      const stored = await store.readStream(STREAM);
      expect(stored.map((event) => event.metadata.hash !== undefined)).toEqual([
        false,
        false,
        false,
        true,
        true,
      ]);
      expect(await verified()).toMatchObject({ valid: true, eventsChecked: 5 });
    });

    it('catches a legacy event edited after the chain began, at the first hashed event', async () => {
      const store = new ChainedEventStore(await legacyStream());
      await store.append(STREAM, newEvents(1), 2);
      const db = new Database(file.path);
      db.prepare(`UPDATE events SET data = '{"index":99}' WHERE stream = ? AND revision = 1`).run(STREAM);
      db.close();
      expect(await verified()).toMatchObject({ valid: false, firstInvalidVersion: 4 });
    });
  });
});
