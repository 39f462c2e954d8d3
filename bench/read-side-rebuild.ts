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

/**
 * THE SEAM for the rebuild row. The landed code folds every plan only in its start-up replay, so
 * by default the row is the app's time from spawn to /health/ready. Once plans load on demand,
 * point the bench at the rebuild entry point instead: `--rebuild-module=<path to a compiled module
 * exporting rebuildEveryPlan>`, timed here, in-process, on the same store, after the app stopped.
 */
export async function fullRebuild(input: {
  readonly dataDir: string;
  readonly totalEvents: number;
  readonly startToReadyMs: number | undefined;
  readonly rebuildModule: string | undefined;
}): Promise<FullRebuild> {
  if (input.rebuildModule === undefined) {
    return {
      how: 'start-up replay (spawn to /health/ready)',
      events: input.totalEvents,
      ms: input.startToReadyMs,
    };
  }
  const rebuild = (await import(pathToFileURL(resolve(input.rebuildModule)).href)) as RebuildModule;
  const started = performance.now();
  const events = await rebuild.rebuildEveryPlan(input.dataDir);
  return { how: `rebuildEveryPlan of ${input.rebuildModule}`, events, ms: performance.now() - started };
}
