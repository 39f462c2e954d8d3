import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { GroupCommit } from './group-commit.js';
import { Database } from './sqlite-driver.js';
import { WalSync } from './wal-sync.js';

/** A promise settled by hand, standing for an fsync in progress. */
function pendingSync() {
  let finish: (error?: Error) => void = () => undefined;
  const done = new Promise<void>(
    (resolve, reject) => (finish = (error) => (error ? reject(error) : resolve())),
  );
  return { done, finish };
}

const settledNow = async (promises: Promise<unknown>[]) => {
  const states = promises.map(() => 'pending');
  promises.forEach((promise, index) =>
    promise.then(
      () => (states[index] = 'resolved'),
      () => (states[index] = 'rejected'),
    ),
  );
  await nextTurn();
  await nextTurn();
  return states;
};

/** The log's file is opened before its first fsync: a few turns of the event loop. */
async function until(condition: () => boolean) {
  for (let turn = 0; turn < 1000 && !condition(); turn += 1) await nextTurn();
  expect(condition()).toBe(true);
}

describe('group commit made durable off the event loop', () => {
  let dir: string;
  let db: InstanceType<typeof Database>;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'group-commit-'));
    db = new Database(join(dir, 'rows.db'));
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE rows (value TEXT UNIQUE)');
  });

  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const insert = (value: string) => {
    db.prepare('INSERT INTO rows (value) VALUES (?)').run(value);
    return value;
  };

  it('given a group committed, answers none of its writes before its fsync has come back', async () => {
    const sync = pendingSync();
    let durableGroups = 0;
    const group = new GroupCommit(
      db,
      insert,
      () => (durableGroups += 1),
      () => sync.done,
    );
    const writes = [group.enqueue('a'), group.enqueue('a'), group.enqueue('b')];
    expect(await settledNow(writes)).toEqual(['pending', 'pending', 'pending']);
    expect(db.prepare('SELECT count(*) AS n FROM rows').get()).toEqual({ n: 2 });
    expect(durableGroups).toBe(0);
    sync.finish();
    expect(await settledNow(writes)).toEqual(['resolved', 'rejected', 'resolved']);
    expect(durableGroups).toBe(1);
  });

  it('given an fsync that fails, rejects every write of its group', async () => {
    const sync = pendingSync();
    const group = new GroupCommit(db, insert, undefined, () => sync.done);
    const writes = [group.enqueue('a'), group.enqueue('b')];
    await nextTurn();
    sync.finish(new Error('EIO: the disk failed'));
    expect(await settledNow(writes)).toEqual(['rejected', 'rejected']);
    await expect(writes[0]).rejects.toThrow('EIO');
  });

  it('given commits made while an fsync runs, covers them all with the one after it', async () => {
    const syncs: ReturnType<typeof pendingSync>[] = [];
    const wal = new WalSync(join(dir, 'rows.db-wal'), () => {
      syncs.push(pendingSync());
      return syncs.at(-1)!.done;
    });
    const first = wal.afterCommit();
    await until(() => syncs.length === 1);
    const later = [wal.afterCommit(), wal.afterCommit(), wal.afterCommit()];
    expect(syncs).toHaveLength(1);
    syncs[0]!.finish();
    await first;
    await until(() => syncs.length === 2);
    expect(await settledNow(later)).toEqual(['pending', 'pending', 'pending']);
    syncs[1]!.finish();
    expect(await settledNow(later)).toEqual(['resolved', 'resolved', 'resolved']);
    await wal.close();
  });
});
