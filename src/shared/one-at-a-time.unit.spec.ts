import { describe, expect, it } from '@jest/globals';
import { setTimeout as sleep } from 'node:timers/promises';
import { OneAtATime } from './one-at-a-time.js';

describe('one at a time per key', () => {
  it('given tasks for one key, runs each only after the one before has settled, in order', async () => {
    const queue = new OneAtATime();
    const log: string[] = [];
    const task =
      (name: string, ms: number, fail = false) =>
      async () => {
        log.push(`start ${name}`);
        await sleep(ms);
        log.push(`end ${name}`);
        if (fail) throw new Error(name);
        return name;
      };
    const answers = await Promise.allSettled([
      queue.run('plan-1', task('a', 20)),
      queue.run('plan-1', task('b', 1, true)),
      queue.run('plan-1', task('c', 1)),
    ]);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    expect(answers.map((answer) => answer.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });

  it('given tasks for two keys, runs them alongside each other', async () => {
    const queue = new OneAtATime();
    const log: string[] = [];
    const task = (name: string, ms: number) => async () => {
      log.push(`start ${name}`);
      await sleep(ms);
      log.push(`end ${name}`);
    };
    await Promise.all([queue.run('plan-1', task('a', 20)), queue.run('plan-2', task('b', 1))]);
    expect(log).toEqual(['start a', 'start b', 'end b', 'end a']);
  });
});
