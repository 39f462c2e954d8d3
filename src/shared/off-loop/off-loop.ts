import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { InProcess } from './in-process.js';
import type { OffLoop } from './off-loop-task.js';
import { WorkerPool } from './worker-pool.js';

export { OffLoopLimitError, type OffLoop, type OffLoopTask } from './off-loop-task.js';

/** The compiled worker entry beside this file (dist/shared/off-loop/off-loop.worker.js). */
export const WORKER_ENTRY = new URL('./off-loop.worker.js', import.meta.url);

/**
 * Two at once for the whole process, imports and PDFs together: each may take its task's heap cap
 * (768 MB reading a file, 512 MB drawing a PDF), so eight uploads at once hold at most two of
 * those and wait their turn, and one core of the two a small server has is left for the event loop.
 */
export const MAX_WORKERS = 2;
/** Beyond this many waiting, a task is refused as busy: a queue that long would outlast its callers. */
export const MAX_WAITING = 16;

let current: OffLoop | undefined;

/**
 * The process's one off-loop runner: a worker pool where the compiled worker exists (node
 * dist/main.js, the CLIs), else in-process (the TypeScript sources under Jest, where tests that
 * need real workers put in a pool of their own with useOffLoop).
 */
export function offLoop(): OffLoop {
  current ??= existsSync(fileURLToPath(WORKER_ENTRY))
    ? new WorkerPool({ workerUrl: WORKER_ENTRY, maxWorkers: MAX_WORKERS, maxWaiting: MAX_WAITING })
    : new InProcess();
  return current;
}

/** Runs this process's off-loop tasks with `runner` until the returned function is called. */
export function useOffLoop(runner: OffLoop): () => void {
  const previous = current;
  current = runner;
  return () => {
    current = previous;
  };
}
