/**
 * A worker thread's entry: imports the task named in workerData, runs it once on its input and
 * posts the outcome. The thread then ends, so every task starts with an empty heap.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { OffLoopTask } from './off-loop-task.js';

export interface WorkerJob {
  readonly moduleUrl: string;
  readonly exportName: string;
  readonly input: unknown;
}

export type WorkerOutcome =
  { readonly ok: true; readonly output: unknown } | { readonly ok: false; readonly message: string };

async function runJob({ moduleUrl, exportName, input }: WorkerJob): Promise<WorkerOutcome> {
  try {
    const module = (await import(moduleUrl)) as Record<string, OffLoopTask<unknown, unknown> | undefined>;
    const task = module[exportName];
    if (!task) return { ok: false, message: `${moduleUrl} exports no task ${exportName}` };
    return { ok: true, output: await task.run(input) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}

parentPort?.postMessage(await runJob(workerData as WorkerJob));
