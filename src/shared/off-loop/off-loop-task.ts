/**
 * Work too heavy for the event loop (reading an uploaded workbook, drawing a PDF): a function of
 * plain data, run in a worker thread with a time and a memory cap so that one request cannot stall
 * or exhaust the server for every other.
 */
export interface OffLoopTask<Input, Output> {
  /** Named in errors and logs: "reading the file", "drawing the board pack PDF". */
  readonly name: string;
  /**
   * The module that exports this task under `exportName`, for the worker to import: pass the
   * defining file's `import.meta.url` (dist/…/x.js when compiled).
   */
  readonly moduleUrl: string;
  readonly exportName: string;
  readonly run: (input: Input) => Output | Promise<Output>;
  /** What came back from the worker made whole again (a Buffer arrives as a plain Uint8Array). */
  readonly revive?: (output: Output) => Output;
  readonly limits: OffLoopLimits;
}

export interface OffLoopLimits {
  /** From the moment the task starts (not while it waits for a free worker). */
  readonly timeMs: number;
  /** The worker's JavaScript heap (V8 old generation); a task needing more is stopped. */
  readonly heapMb: number;
}

/** Runs tasks off the event loop (or, where no worker can be started, in-process). */
export interface OffLoop {
  run<Input, Output>(task: OffLoopTask<Input, Output>, input: Input): Promise<Output>;
}

export type OffLoopRefusal = 'time' | 'memory' | 'busy';

const MESSAGES: Record<OffLoopRefusal, (task: string, limits: OffLoopLimits) => string> = {
  time: (task, { timeMs }) => `${task} took longer than ${timeMs / 1000} s and was stopped`,
  memory: (task, { heapMb }) => `${task} needed more than ${heapMb} MB of memory and was stopped`,
  busy: (task) => `${task} must wait: the server is busy with other files; try again in a minute`,
};

/**
 * A task stopped at a limit, or not started because too many wait. Its message is for the person
 * who asked (no internals); callers map it to their own answer (BAD_USER_INPUT, 503).
 */
export class OffLoopLimitError extends Error {
  constructor(
    readonly refusal: OffLoopRefusal,
    task: { readonly name: string; readonly limits: OffLoopLimits },
  ) {
    super(MESSAGES[refusal](task.name, task.limits));
    this.name = 'OffLoopLimitError';
  }
}
