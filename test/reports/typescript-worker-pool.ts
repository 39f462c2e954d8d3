import { WorkerPool } from '../../src/shared/off-loop/worker-pool.js';
import type { OffLoop, OffLoopLimits, OffLoopTask } from '../../src/shared/off-loop/off-loop-task.js';

/**
 * A real pool of worker threads that run the TypeScript sources (the app under Jest has no
 * compiled worker, so it runs tasks in-process unless a test puts this in with useOffLoop).
 */
export function typeScriptWorkerPool(maxWorkers = 2, maxWaiting = 16): WorkerPool {
  return new WorkerPool({
    workerUrl: new URL('./typescript-worker/entry.mjs', import.meta.url),
    maxWorkers,
    maxWaiting,
  });
}

/** The same pool with every task's caps replaced: short ones, to see a task stopped. */
export function withLimits(pool: OffLoop, limits: OffLoopLimits): OffLoop {
  return {
    run: <Input, Output>(task: OffLoopTask<Input, Output>, input: Input) =>
      pool.run({ ...task, limits }, input),
  };
}
