/**
 * Issue 16's targets for the read side at scale, on a generated store of `plans` plans of
 * `eventsPerPlan` events (bench/read-side-store.ts), against the real app started as `npm start`
 * starts it, with a raw scan + parse of the same file in the same run as the baseline.
 * See bench/README.md, "read-side.bench.ts", for the command and its flags.
 */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { mintLocalToken } from '../src/auth/tokens/mint-token.js';
import { openDatabase } from '../src/event-store/sqlite/sqlite-database.js';
import { planStream } from '../src/plans/plan-stream.js';
import { measure } from './measure.js';
import { fullRebuild } from './read-side-rebuild.js';
import { CACHE_DIR, generatedStore } from './read-side-store.js';
import { startAppProcess, type AppProcess } from './support/app-process.js';
import { timedInParallel, percentiles, type Latencies } from './support/latencies.js';
import { PLAN_REQUESTS, planRequests, type PlanRequest } from './support/plan-requests.js';
import { rawScan, rawStreamReads } from './support/raw-scan.js';
import { markdownTable, type ReadSideFigures } from './support/read-side-report.js';
import { saveRun } from './support/read-side-results.js';

const SIZES: Record<string, { plans: number; eventsPerPlan: number }> = {
  '1m': { plans: 100, eventsPerPlan: 10_000 },
  '10m': { plans: 1000, eventsPerPlan: 10_000 },
};
const BUSY_PLANS = 20;

const { values: flags } = parseArgs({
  options: {
    size: { type: 'string', default: '1m' },
    plans: { type: 'string' },
    'events-per-plan': { type: 'string' },
    seed: { type: 'string', default: '1' },
    runs: { type: 'string', default: process.env.BENCH_RUNS ?? '200' },
    'busy-requests': { type: 'string', default: '600' },
    'cold-plans': { type: 'string', default: '9' },
    app: { type: 'string' },
    'ready-timeout': { type: 'string', default: '900' },
    'rebuild-module': { type: 'string' },
  },
});
const size = SIZES[flags.size];
if (!size) throw new RangeError(`--size must be one of ${Object.keys(SIZES).join(', ')}`);
const shape = {
  seed: Number(flags.seed),
  plans: Number(flags.plans ?? size.plans),
  eventsPerPlan: Number(flags['events-per-plan'] ?? size.eventsPerPlan),
};
const runs = Number(flags.runs);
const repository = resolve(new URL('../..', import.meta.url).pathname);
const appRoot = resolve(flags.app ?? repository);
if (flags.app === undefined) {
  // As `npm start` does: build dist/ when the sources changed since the last build.
  const build = spawnSync(process.execPath, ['src/cli/build-when-changed.mjs'], {
    cwd: appRoot,
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('The app does not build: see the output above');
}

const store = await generatedStore(shape);
const file = join(store.dataDir, 'events.db');
// Indexes this code's store creates on open are made now, not inside the timed start-up.
openDatabase(file).close();
const plans = store.generatedPlans;
// Cold plans are ones no earlier request touched: the last few; busy plans are the first 20 of the rest.
const coldPlans = plans.slice(1).slice(-Number(flags['cold-plans']));
const busyPlans = plans.slice(0, Math.min(BUSY_PLANS, plans.length - coldPlans.length));

console.log(`Raw scan of ${store.totalEvents.toLocaleString('en-GB')} events ...`);
const raw = rawScan(file);
const rawStreams = rawStreamReads(
  file,
  coldPlans.map((plan) => planStream(plan.planId)),
);
console.log(
  `Raw scan + parse: ${Math.round(raw.eventsPerSecond)} events/s (${(raw.ms / 1000).toFixed(1)} s)`,
);
const token = await mintLocalToken(store.dataDir, { name: 'Bench Auditor', roles: ['AUDITOR'] });

console.log(`Starting the app in ${appRoot} on ${store.dataDir} ...`);
const app = await startAppProcess({
  appRoot,
  dataDir: store.dataDir,
  logFile: join(CACHE_DIR, 'app.log'),
  readyTimeoutMs: Number(flags['ready-timeout']) * 1000,
});
let served: Partial<ReadSideFigures>;
try {
  served = app.readyMs === undefined ? stillReplaying(app) : await serve(app);
} finally {
  await app.stop();
}

const figures: ReadSideFigures = {
  store: { plans: shape.plans, eventsPerPlan: shape.eventsPerPlan, totalEvents: store.totalEvents },
  rawScan: raw,
  rawStreamReads: rawStreams,
  liveMs: app.liveMs,
  readyMs: app.readyMs,
  readyTimeoutMs: Number(flags['ready-timeout']) * 1000,
  ...(app.failure ? { failure: app.failure } : {}),
  ...served,
  rebuild: await fullRebuild({
    dataDir: store.dataDir,
    totalEvents: store.totalEvents,
    startToReadyMs: app.readyMs,
    rebuildModule: flags['rebuild-module'],
  }),
};
const { rows, resultsFile } = await saveRun(figures, { appRoot, seed: shape.seed, cores: cpus().length });
console.log(
  `\n## Read side: ${shape.plans} plans x ${shape.eventsPerPlan} events (${cpus().length} cores, Node ${process.version})\n`,
);
console.log(markdownTable(rows));
console.log(`\nLoad average (1 min) at the end: ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`);
if (app.failure) console.log(`\nThe app never became ready: ${app.failure}`);
console.log(`\nWritten to ${resultsFile}`);

/** Everything measured while the app is ready, in an order that keeps the cold plans cold. */
async function serve(running: AppProcess): Promise<Partial<ReadSideFigures>> {
  const request = planRequests(running.url, token);
  const rssReadyBytes = running.rss().current;
  const cpuToReadyMs = running.cpuMs();
  const busyCount = Number(flags['busy-requests']);
  const busy = await timedInParallel(busyCount, 4, (index) => {
    const kind = PLAN_REQUESTS[Math.floor(index / BUSY_PLANS) % PLAN_REQUESTS.length]!;
    return request(kind, busyPlans[index % busyPlans.length]!, index);
  });
  const rssBusyBytes = running.rss().current;
  const coldSamples: number[] = [];
  for (const plan of coldPlans) {
    const started = performance.now();
    await request('plan', plan, 0);
    coldSamples.push(performance.now() - started);
  }
  const warm: Partial<Record<PlanRequest, Latencies>> = {};
  for (const kind of PLAN_REQUESTS) {
    const timing = await measure(kind, runs, (run) => request(kind, busyPlans[0]!, run));
    warm[kind] = { count: runs, p50Ms: timing.medianMs, p95Ms: timing.p95Ms };
  }
  return { cpuToReadyMs, rssReadyBytes, rssBusyBytes, busy, cold: percentiles(coldSamples), warm };
}

/** The app's memory when the bench stopped waiting for it, if it is still running. */
function stillReplaying(running: AppProcess): Partial<ReadSideFigures> {
  try {
    return { rssAtTimeoutBytes: running.rss().current };
  } catch {
    return {};
  }
}
