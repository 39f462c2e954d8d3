import { describe, expect, it } from '@jest/globals';
import { setTimeout as sleep } from 'node:timers/promises';
import { BatchesPerKey, type Queued } from './batches-per-key.js';

type Batches = BatchesPerKey<string, string>;

/**
 * A handler that logs each batch, lets `during` send more while the batch is handled, answers each
 * value doubled, refuses 'bad' and hands back what `handBack` picks (never the first of a batch).
 */
function logged(
  log: string[][],
  during: (batchNumber: number) => void = () => undefined,
  handBack: (value: string) => boolean = () => false,
) {
  return async (key: string, batch: readonly Queued<string, string>[]) => {
    log.push([key, ...batch.map((entry) => entry.value)]);
    during(log.length);
    await sleep(1);
    const back = batch.filter((entry, index) => index > 0 && handBack(entry.value));
    for (const entry of batch) {
      if (back.includes(entry)) continue;
      if (entry.value === 'bad') entry.reject(new Error('refused bad'));
      else entry.resolve(entry.value + entry.value);
    }
    return back;
  };
}

const outcomes = (answers: PromiseSettledResult<string>[]) =>
  answers.map((answer) => (answer.status === 'fulfilled' ? answer.value : 'rejected'));

describe('batches per key', () => {
  it('given values for one key arriving while its batch runs, handles them together next, in order', async () => {
    const log: string[][] = [];
    const sent: Promise<string>[] = [];
    const batches: Batches = new BatchesPerKey(
      logged(log, (n) => {
        if (n === 1) sent.push(...['b', 'bad', 'c'].map((value) => batches.run('plan-1', value)));
      }),
      64,
    );
    const first = await batches.run('plan-1', 'a');
    const answers = outcomes(await Promise.allSettled(sent));
    expect(log).toEqual([
      ['plan-1', 'a'],
      ['plan-1', 'b', 'bad', 'c'],
    ]);
    expect([first, ...answers]).toEqual(['aa', 'bb', 'rejected', 'cc']);
  });

  it('given more values than a batch holds, handles the rest in the next batch', async () => {
    const log: string[][] = [];
    const batches = new BatchesPerKey(logged(log), 2);
    await Promise.all(['a', 'b', 'c', 'd'].map((value) => batches.run('plan-1', value)));
    expect(log).toEqual([
      ['plan-1', 'a'],
      ['plan-1', 'b', 'c'],
      ['plan-1', 'd'],
    ]);
  });

  it('given values handed back, puts them first in the next batch', async () => {
    const log: string[][] = [];
    let late: Promise<string> | undefined;
    const batches: Batches = new BatchesPerKey(
      logged(
        log,
        (n) => {
          if (n === 2) late = batches.run('plan-1', 'd');
        },
        (value) => value === 'again' && log.length === 2,
      ),
      64,
    );
    const sent = ['a', 'b', 'again', 'c'].map((value) => batches.run('plan-1', value));
    const answers = await Promise.all(sent);
    expect(await late).toBe('dd');
    expect(log).toEqual([
      ['plan-1', 'a'],
      ['plan-1', 'b', 'again', 'c'],
      ['plan-1', 'again', 'd'],
    ]);
    expect(answers).toEqual(['aa', 'bb', 'againagain', 'cc']);
  });

  it('given a handler that fails, refuses its whole batch and goes on with the next', async () => {
    let calls = 0;
    const batches = new BatchesPerKey<string, string>(async (_key, batch) => {
      calls += 1;
      if (calls === 1) throw new Error('store away');
      for (const entry of batch) entry.resolve(entry.value);
      return undefined;
    }, 64);
    const failed = batches.run('plan-1', 'a');
    const later = batches.run('plan-1', 'b');
    await expect(failed).rejects.toThrow('store away');
    await expect(later).resolves.toBe('b');
  });

  it('given values for two keys, handles their batches alongside each other', async () => {
    const log: string[] = [];
    let releasePlan1: () => void = () => undefined;
    const batches = new BatchesPerKey<string, string>(async (key, batch) => {
      log.push(`start ${key}`);
      if (key === 'plan-1') await new Promise<void>((resolve) => (releasePlan1 = resolve));
      log.push(`end ${key}`);
      for (const entry of batch) entry.resolve(entry.value);
      return undefined;
    }, 64);
    const slow = batches.run('plan-1', 'a');
    await batches.run('plan-2', 'b');
    releasePlan1();
    await slow;
    expect(log).toEqual(['start plan-1', 'start plan-2', 'end plan-2', 'end plan-1']);
  });
});
