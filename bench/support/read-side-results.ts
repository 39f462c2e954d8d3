import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFormattedJson } from './formatted-json.js';
import { rowsOf, type ReadSideFigures, type Row } from './read-side-report.js';

/** bench/results/read-side.json in the repository (this file runs compiled, from dist-bench/bench/support/). */
const RESULTS_FILE = resolve(
  fileURLToPath(new URL('../../../bench/results/read-side.json', import.meta.url)),
);

interface Run {
  readonly measuredAt: string;
  readonly machine: {
    readonly cores: number;
    readonly cpu: string;
    readonly memoryBytes: number;
    readonly node: string;
    /** 1-minute load average at the end: above the core count, other work inflated the figures. */
    readonly loadAverage: number;
  };
  /** Which code served: the app's root, its commit, and whether its sources differed from it. */
  readonly app: { readonly root: string; readonly commit: string; readonly uncommittedChanges: boolean };
  readonly seed: number;
  readonly figures: ReadSideFigures;
  readonly rows: readonly Row[];
}

/** One run per store size, so a 10M run is compared with the 1M run beside it. */
type Results = Record<string, Run>;

/**
 * Records this run under its store size in bench/results/read-side.json, keeping the other sizes'
 * runs, and returns its rows (with "flat as the store grows" against a smaller store's run).
 */
export async function saveRun(
  figures: ReadSideFigures,
  context: { readonly appRoot: string; readonly seed: number; readonly cores: number },
): Promise<{ rows: readonly Row[]; resultsFile: string }> {
  const results: Results = existsSync(RESULTS_FILE)
    ? (JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as Results)
    : {};
  const key = `${figures.store.plans} plans x ${figures.store.eventsPerPlan} events`;
  const smaller = Object.values(results)
    .filter((run) => run.figures.store.totalEvents < figures.store.totalEvents)
    .sort((a, b) => a.figures.store.totalEvents - b.figures.store.totalEvents)[0];
  const rows = rowsOf(figures, smaller?.figures);
  results[key] = {
    measuredAt: new Date().toISOString(),
    machine: {
      cores: context.cores,
      cpu: cpus()[0]?.model ?? 'unknown',
      memoryBytes: totalmem(),
      node: process.version,
      loadAverage: loadavg()[0]!,
    },
    app: { root: context.appRoot, ...versionOf(context.appRoot) },
    seed: context.seed,
    figures,
    rows,
  };
  mkdirSync(dirname(RESULTS_FILE), { recursive: true });
  await writeFormattedJson(RESULTS_FILE, results);
  return { rows, resultsFile: RESULTS_FILE };
}

function versionOf(root: string): { commit: string; uncommittedChanges: boolean } {
  if (!existsSync(join(root, '.git'))) return { commit: 'not a git work tree', uncommittedChanges: false };
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
  return {
    commit: git('rev-parse', 'HEAD'),
    uncommittedChanges: git('status', '--porcelain', '--', 'src') !== '',
  };
}
