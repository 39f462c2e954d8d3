import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import * as fc from 'fast-check';
import type { NewEvent } from '../../src/event-store/event-store.port.js';
import { MAX_GROUP_SIZE } from '../../src/event-store/sqlite/group-commit.js';
import { Database } from '../../src/event-store/sqlite/sqlite-driver.js';
import { newEvent, newEvents, rejectionOf } from '../support/event-store-contract/events.js';
import {
  type AppendCall,
  appendOneAtATime,
  appendTogether,
  storedLog,
  walCommits,
} from './group-commit-probes.js';
import { TemporaryStoreFile } from './temporary-store-file.js';

describe('SqliteEventStore group commit', () => {
  let files: TemporaryStoreFile[];
  const freshFile = () => {
    const file = new TemporaryStoreFile();
    files.push(file);
    return file;
  };

  beforeEach(() => {
    files = [];
  });

  afterEach(async () => {
    await Promise.all(files.map((file) => file.remove()));
  });

  /** The calls made together on one fresh store and one at a time on another answer and store alike. */
  async function expectAnsweredAsAlone(calls: readonly AppendCall[]): Promise<void> {
    const together = freshFile();
    const grouped = together.open();
    const commitsBefore = walCommits(together.path);
    const groupAnswers = await appendTogether(grouped, calls);
    const commits = walCommits(together.path) - commitsBefore;
    const alone = freshFile().open();
    const aloneAnswers = await appendOneAtATime(alone, calls);
    expect(groupAnswers).toEqual(aloneAnswers);
    expect(await storedLog(grouped)).toEqual(await storedLog(alone));
    // Otherwise the comparison would prove nothing about groups.
    expect(commits).toBeLessThanOrEqual(1);
  }

  it('answers appends to the same and different streams made together exactly as one at a time', async () => {
    const [e1, e2, e3, e4, e5, e6, e7] = Array.from({ length: 7 }, () => newEvent('ActionAdded'));
    const calls: AppendCall[] = [
      { stream: 'plan-a', events: [e1!, e2!], expected: 'no_stream' },
      { stream: 'plan-a', events: [e3!], expected: 'no_stream' }, // stale: the first won
      { stream: 'plan-a', events: [e3!], expected: 1 },
      { stream: 'plan-b', events: [e4!], expected: 'no_stream' },
      { stream: 'plan-a', events: [e1!, e2!], expected: 'no_stream' }, // retry of the first
      { stream: 'plan-a', events: [e5!], expected: 1 }, // stale
      { stream: 'plan-c', events: [], expected: 'no_stream' }, // expectation only
      { stream: 'plan-b', events: [e4!, e6!], expected: 0 }, // reuses a stored id
      { stream: 'plan-c', events: [e7!], expected: 0 }, // the stream does not exist
      { stream: 'plan-b', events: [e6!], expected: 0 },
      { stream: 'plan-a', events: [e5!], expected: 2 },
    ];
    await expectAnsweredAsAlone(calls);
    const answers = await appendTogether(freshFile().open(), calls);
    expect(answers.map((answer) => ('error' in answer ? answer.error['name'] : 'ok'))).toEqual([
      'ok',
      'WrongExpectedRevisionError',
      'ok',
      'ok',
      'ok',
      'WrongExpectedRevisionError',
      'ok',
      'DuplicateEventIdError',
      'WrongExpectedRevisionError',
      'ok',
      'ok',
    ]);
  });

  it('answers any mix of appends, stale revisions and reused ids made together as one at a time', async () => {
    // A small pool of events, so calls often retry, overlap or reuse each other's ids.
    const pool: NewEvent[] = Array.from({ length: 8 }, (_, index) => newEvent('ActionAdded', { index }));
    const call: fc.Arbitrary<AppendCall> = fc
      .record({
        stream: fc.constantFrom('plan-a', 'plan-b'),
        start: fc.nat({ max: 7 }),
        count: fc.nat({ max: 2 }),
        expected: fc.constantFrom<'no_stream' | number>('no_stream', 0, 1, 2, 3),
      })
      .map(({ stream, start, count, expected }) => ({
        stream,
        events: pool.slice(start, start + count),
        expected,
      }));
    await fc.assert(fc.asyncProperty(fc.array(call, { minLength: 1, maxLength: 8 }), expectAnsweredAsAlone), {
      numRuns: 25,
    });
  });

  it('commits the appends of one turn once, and each awaited append alone', async () => {
    const file = freshFile();
    const store = file.open();
    const before = walCommits(file.path);
    await Promise.all(
      Array.from({ length: 50 }, (_, i) => store.append(`plan-${i}`, newEvents(1), 'no_stream')),
    );
    expect(walCommits(file.path) - before).toBe(1);
    for (let i = 0; i < 5; i += 1) await store.append(`other-${i}`, newEvents(1), 'no_stream');
    expect(walCommits(file.path) - before).toBe(6);
    expect(await storedLog(store)).toHaveLength(55);
  });

  it('splits a turn of more appends than one group holds over several commits', async () => {
    const file = freshFile();
    const store = file.open();
    const before = walCommits(file.path);
    const count = MAX_GROUP_SIZE * 2 + 1;
    await Promise.all(
      Array.from({ length: count }, (_, i) => store.append(`plan-${i}`, newEvents(1), 'no_stream')),
    );
    expect(walCommits(file.path) - before).toBe(3);
    expect(await storedLog(store)).toHaveLength(count);
  });

  it('rejects every append of a group whose transaction fails, and stores none of them', async () => {
    const file = freshFile();
    const store = file.open({ busyTimeoutMs: 20 });
    await store.append('plan-a', newEvents(1), 'no_stream');
    const otherProcess = new Database(file.path);
    otherProcess.exec('BEGIN IMMEDIATE'); // holds the write lock past the busy timeout
    try {
      const group = [
        store.append('plan-a', newEvents(1), 0),
        store.append('plan-b', newEvents(2), 'no_stream'),
        store.append('plan-a', newEvents(1), 'no_stream'), // would be refused on its own
      ];
      for (const answer of group) expect(await rejectionOf(answer)).toMatchObject({ code: 'SQLITE_BUSY' });
    } finally {
      otherProcess.exec('ROLLBACK');
      otherProcess.close();
    }
    expect(await storedLog(store)).toHaveLength(1);
    expect((await store.append('plan-a', newEvents(1), 0)).nextExpectedRevision).toBe(1);
  });

  it('writes and answers the appends still queued when the store closes', async () => {
    const file = freshFile();
    const store = file.open();
    const pending = [
      store.append('plan-a', newEvents(2), 'no_stream'),
      store.append('plan-a', newEvents(1), 'no_stream'),
      store.append('plan-b', newEvents(1), 'no_stream'),
    ];
    const answered = Promise.allSettled(pending);
    await store.close();
    const answers = await answered;
    expect(answers.map((answer) => answer.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const reopened = file.open();
    expect((await storedLog(reopened)).map((event) => event.stream)).toEqual(['plan-a', 'plan-a', 'plan-b']);
    await expect(store.append('plan-c', newEvents(1), 'no_stream')).rejects.toThrow('closed');
  });
});
