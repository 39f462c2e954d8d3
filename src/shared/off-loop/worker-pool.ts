import { Worker } from 'node:worker_threads';
import type { WorkerJob, WorkerOutcome } from './off-loop.worker.js';
import { OffLoopLimitError, type OffLoop, type OffLoopRefusal, type OffLoopTask } from './off-loop-task.js';

export interface WorkerPoolOptions {
  /** The worker's entry: off-loop.worker.js beside this file when compiled. */
  readonly workerUrl: URL;
  /** Workers running at once: each may take its task's heap cap, so this bounds the memory. */
  readonly maxWorkers: number;
  /** Tasks waiting for a worker; one more is refused as busy rather than queued for ever. */
  readonly maxWaiting: number;
}

/**
 * A small bounded pool of worker threads: at most maxWorkers run at once, each task in a fresh
 * worker that is ended when it answers, overruns its time cap (terminated: the thread's work stops
 * at once) or outgrows its heap cap (V8 stops it). A slot is given back only once its thread has
 * exited, so its memory is free before the next task starts.
 */
export class WorkerPool implements OffLoop {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly options: WorkerPoolOptions) {}

  async run<Input, Output>(task: OffLoopTask<Input, Output>, input: Input): Promise<Output> {
    await this.slot(task);
    let outcome: Settled<Output>;
    try {
      outcome = await this.inWorker(task, input);
    } finally {
      this.release();
    }
    if ('value' in outcome) return task.revive ? task.revive(outcome.value) : outcome.value;
    throw outcome.error;
  }

  private slot(task: NamedTask): Promise<void> {
    if (this.running < this.options.maxWorkers) {
      this.running += 1;
      return Promise.resolve();
    }
    if (this.waiting.length >= this.options.maxWaiting) {
      return Promise.reject(new OffLoopLimitError('busy', task));
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Hands the slot straight to the next waiting task, if any. */
  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running -= 1;
  }

  /** Settles only when the thread has exited, whatever it answered. */
  private inWorker<Input, Output>(task: OffLoopTask<Input, Output>, input: Input): Promise<Settled<Output>> {
    const job: WorkerJob = { moduleUrl: task.moduleUrl, exportName: task.exportName, input };
    const worker = new Worker(this.options.workerUrl, {
      workerData: job,
      resourceLimits: { maxOldGenerationSizeMb: task.limits.heapMb },
    });
    let settled: Settled<Output> | undefined;
    const settle = (outcome: Settled<Output>) => {
      settled ??= outcome;
      void worker.terminate();
    };
    const refuse = (refusal: OffLoopRefusal) => settle({ error: new OffLoopLimitError(refusal, task) });
    const timer = setTimeout(() => refuse('time'), task.limits.timeMs);
    worker.on('message', (outcome: WorkerOutcome) =>
      settle(outcome.ok ? { value: outcome.output as Output } : { error: taskFailed(task, outcome.message) }),
    );
    worker.on('error', (error: Error & { code?: string }) =>
      error.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? refuse('memory')
        : settle({ error: taskFailed(task, error.message) }),
    );
    return new Promise((resolve) =>
      worker.once('exit', (code) => {
        clearTimeout(timer);
        resolve(settled ?? { error: taskFailed(task, `the worker exited with code ${code}`) });
      }),
    );
  }
}

type NamedTask = Pick<OffLoopTask<never, unknown>, 'name' | 'limits'>;

type Settled<Output> = { readonly value: Output } | { readonly error: Error };

/** A fault in the task itself (a bug, not the input): internal, logged by whoever catches it. */
const taskFailed = (task: NamedTask, detail: string) =>
  new Error(`Off-loop task "${task.name}" failed: ${detail}`);
