import type { OffLoop, OffLoopTask } from './off-loop-task.js';

/**
 * Runs a task on the calling thread: where the compiled worker is not there to start (the
 * TypeScript sources under Jest). The size caps still hold; the time and memory caps cannot,
 * since work on this thread cannot be stopped from it.
 */
export class InProcess implements OffLoop {
  async run<Input, Output>(task: OffLoopTask<Input, Output>, input: Input): Promise<Output> {
    return task.run(input);
  }
}
