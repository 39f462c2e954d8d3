import { describe, expect, it } from '@jest/globals';
import { OffLoopLimitError } from '../../src/shared/off-loop/off-loop-task.js';
import { spinForEver, waitThenAnswer } from './fixtures/test-tasks.js';
import { typeScriptWorkerPool } from './typescript-worker-pool.js';

const refusal = (error: unknown) => (error instanceof OffLoopLimitError ? error.refusal : error);

describe('the worker pool', () => {
  it('runs at most maxWorkers at once, queues the next and refuses one more as busy', async () => {
    const pool = typeScriptWorkerPool(1, 1);
    const ended: number[] = [];
    const first = pool.run(waitThenAnswer, 300).then((value) => (ended.push(performance.now()), value));
    const second = pool.run(waitThenAnswer, 10).then((value) => (ended.push(performance.now()), value));
    const third = pool.run(waitThenAnswer, 10).catch(refusal);
    expect(await third).toBe('busy');
    expect(await Promise.all([first, second])).toEqual([300, 10]);
    // The short task waited for the long one's thread: it could not overtake it.
    expect(ended[0]).toBeLessThan(ended[1]!);
  });

  it('ends a thread stuck in synchronous work at its time cap, and the pool goes on', async () => {
    const pool = typeScriptWorkerPool(1, 1);
    const error = await pool.run(spinForEver, null).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OffLoopLimitError);
    expect((error as Error).message).toBe('Spinning took longer than 0.2 s and was stopped');
    expect(await pool.run(waitThenAnswer, 1)).toBe(1);
  });
});
