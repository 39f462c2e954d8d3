import type { OffLoop, OffLoopTask } from '../../src/shared/off-loop/off-loop-task.js';

/** When a task ran, as the test's clock saw it. */
export interface TaskWindow {
  readonly name: string;
  readonly started: number;
  readonly ended: number;
}

/**
 * The runner a test puts into the app (useOffLoop): it passes each task to `runner` as it is at
 * the time (so one app can be given another pool or other caps between tests) and notes when
 * each task ran.
 */
export class SwitchableRunner implements OffLoop {
  readonly windows: TaskWindow[] = [];

  constructor(public runner: OffLoop) {}

  async run<Input, Output>(task: OffLoopTask<Input, Output>, input: Input): Promise<Output> {
    const started = performance.now();
    try {
      return await this.runner.run(task, input);
    } finally {
      this.windows.push({ name: task.name, started, ended: performance.now() });
    }
  }
}
