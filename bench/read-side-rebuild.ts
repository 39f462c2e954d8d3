import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

/** The "full rebuild of every plan" row: how it was measured, and its figures. */
export interface FullRebuild {
  readonly how: string;
  readonly events: number;
  readonly ms: number | undefined;
}

/**
 * A compiled module that folds every plan of a store, e.g. for a new read model. It exports
 * `rebuildEveryPlan(dataDir)`, resolving to the number of events it folded.
 */
export interface RebuildModule {
  rebuildEveryPlan(dataDir: string): Promise<number>;
}

/** Every plan folded through the app's PlanLoader, one after another (bench/rebuild-every-plan.ts). */
const DEFAULT_REBUILD_MODULE = 'dist-bench/bench/rebuild-every-plan.js';

/**
 * THE SEAM for the rebuild row: by default every plan folded through the app's own PlanLoader,
 * timed here, in-process, on the same store, after the app stopped. `--rebuild-module=<compiled
 * module exporting rebuildEveryPlan>` times another; `--rebuild-module=start-up` times spawn to
 * /health/ready instead, the only full fold the code before issue 16 had (for its before-figures).
 */
export async function fullRebuild(input: {
  readonly dataDir: string;
  readonly totalEvents: number;
  readonly startToReadyMs: number | undefined;
  readonly rebuildModule: string | undefined;
}): Promise<FullRebuild> {
  if (input.rebuildModule === 'start-up') {
    return {
      how: 'start-up replay (spawn to /health/ready)',
      events: input.totalEvents,
      ms: input.startToReadyMs,
    };
  }
  const module = input.rebuildModule ?? DEFAULT_REBUILD_MODULE;
  const rebuild = (await import(pathToFileURL(resolve(module)).href)) as RebuildModule;
  const started = performance.now();
  const events = await rebuild.rebuildEveryPlan(input.dataDir);
  return { how: `rebuildEveryPlan of ${module}`, events, ms: performance.now() - started };
}
