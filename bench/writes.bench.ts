/**
 * Issue 17's write benchmark: the embedded store's appends against raw better-sqlite3, the app's
 * request path against a bare Nest + Apollo + Fastify app, durable writes over HTTP against the
 * same server's trivial query, and the KurrentDB adapter against the raw client, each baseline
 * measured in the same run. See bench/README.md, "writes.bench.ts". `--profile`: only the
 * addProgressNote run, with the app under `node --cpu-prof`, and its self time summarised.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { mintLocalToken } from '../src/auth/tokens/mint-token.js';
import { startAppProcess, type AppStart } from './support/app-process.js';
import { machine, markdownTable, saveRows, type BenchRow } from './support/bench-results.js';
import { profileTable, selfTimes } from './support/cpu-profile.js';
import {
  singleConnectionRow,
  typenameLoad,
  typenameRow,
  WRITES,
  writeLoad,
  writeRow,
} from './support/http-rows.js';
import { kurrentDbRow, rawClientAppends, startDoubleProcess } from './support/kurrentdb-rows.js';
import { storeRows } from './support/store-rows.js';
import { seedPlan } from './support/write-requests.js';

const { values: flags } = parseArgs({
  options: {
    profile: { type: 'boolean', default: false },
    actions: { type: 'string', default: '32' },
    rows: { type: 'string', default: 'store,http,kurrentdb' },
    // Another checkout's built app to measure over HTTP (e.g. the landed code, for a before figure).
    app: { type: 'string' },
  },
});
/** BENCH_SECONDS shortens (or lengthens) every timed HTTP run. */
const seconds = (fallback: number) => Number(process.env.BENCH_SECONDS ?? fallback);
const APPENDS = Number(process.env.BENCH_APPENDS ?? 2000);
const BATCHES = Number(process.env.BENCH_BATCHES ?? 200);
const repository = resolve(new URL('../..', import.meta.url).pathname);
const workDir = join(repository, 'tmp', 'bench', 'writes');
rmSync(workDir, { recursive: true, force: true });
mkdirSync(workDir, { recursive: true });

// As `npm start` does: build dist/ when the sources changed since the last build.
const build = spawnSync(process.execPath, ['src/cli/build-when-changed.mjs'], {
  cwd: repository,
  stdio: 'inherit',
});
if (build.status !== 0) throw new Error('The app does not build: see the output above');

const status = spawnSync('git', ['status', '--short'], { cwd: repository, encoding: 'utf8' }).stdout;
console.log(`Work tree (git status --short):\n${status || '(clean)'}`);
const rows: BenchRow[] = [];
const loads: number[] = [];
const record = (...measured: BenchRow[]) => {
  for (const row of measured) {
    rows.push(row);
    loads.push(Number(loadavg()[0]!.toFixed(2)));
    console.log(`${row.name}: ${Math.round(row.value * 100) / 100} ${row.unit} (load ${loads.at(-1)})`);
  }
};

async function startApp(name: string, extra: Partial<AppStart> = {}) {
  const dataDir = join(workDir, name);
  mkdirSync(dataDir, { recursive: true });
  // Minted before the start, so the app finds the embedded signing key already made.
  const admin = await mintLocalToken(dataDir, { name: 'Bench Admin', roles: ['ADMIN'] });
  const editor = await mintLocalToken(dataDir, { name: 'Bench Editor', roles: ['EDITOR'] });
  const app = await startAppProcess({
    appRoot: flags.app ? resolve(flags.app) : repository,
    dataDir,
    logFile: join(workDir, `${name}.log`),
    readyTimeoutMs: 120_000,
    ...extra,
  });
  if (app.readyMs === undefined) throw new Error(`${name} never became ready: ${app.failure}`);
  return { app, admin, editor };
}

async function profileNotes(): Promise<void> {
  const profileDir = join(workDir, 'profile');
  const { app, admin, editor } = await startApp('app', {
    nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`],
  });
  const plan = await seedPlan(app.url, admin, Number(flags.actions));
  const micros = () => Number(process.hrtime.bigint() / 1000n);
  const window = { fromMicros: micros() + 1_000_000, toMicros: 0 };
  const load = await writeLoad(app.url, editor, plan, 'addProgressNote', 16, seconds(30));
  window.toMicros = micros();
  await app.stop();
  const file = join(
    profileDir,
    readdirSync(profileDir).find((name) => name.endsWith('.cpuprofile'))!,
  );
  const times = selfTimes(file, window);
  console.log(
    `\naddProgressNote, 16 connections: ${Math.round(load.requestsPerSecond)} writes/s, ` +
      `p50 ${load.p50Ms.toFixed(2)} ms, p99 ${load.p99Ms.toFixed(2)} ms (load ${loadavg()[0]!.toFixed(2)})`,
  );
  console.log(`Profile ${file}: ${(times.totalMs / 1000).toFixed(1)} s of samples during the load\n`);
  console.log(profileTable('self time by package or file', times.byOwner, 20));
  console.log(`\n${profileTable('self time by function', times.byFunction, 15)}`);
}

async function measureAll(): Promise<void> {
  const parts = new Set(flags.rows.split(','));
  if (parts.has('store')) await measureStore();
  if (parts.has('http')) await measureHttp();
  if (parts.has('kurrentdb')) await measureKurrentDb();
  const file = await saveRows(rows, loads);
  const { cores, node, cpu } = machine();
  console.log(`\n## Writes (${cores} cores, ${cpu}, Node ${node})\n\n${markdownTable(rows)}`);
  console.log(`\nLoad average (1 min) per row: ${loads.join(', ')}; at the end: ${loadavg()[0]!.toFixed(2)}`);
  console.log(`Written to ${file}`);
}

async function measureStore(): Promise<void> {
  console.log(`Store appends (${APPENDS} single, ${BATCHES} of 100) ...`);
  record(...(await storeRows(join(workDir, 'store'), APPENDS, BATCHES)));
}

async function measureHttp(): Promise<void> {
  console.log('The bare Nest + Apollo + Fastify app ...');
  const bare = await startApp('bare-app', {
    appRoot: repository,
    main: 'dist-bench/bench/bare-app/bare-app.js',
  });
  const bareLoad = await typenameLoad(bare.app.url, bare.editor, 16, seconds(10));
  await bare.app.stop();

  console.log('The app on the embedded store ...');
  const { app, admin, editor } = await startApp('app');
  try {
    const plan = await seedPlan(app.url, admin, Number(flags.actions));
    const typename = await typenameLoad(app.url, editor, 16, seconds(10));
    record(typenameRow(typename, bareLoad));
    for (const mutation of WRITES) {
      record(writeRow(mutation, await writeLoad(app.url, editor, plan, mutation, 16, seconds(30)), typename));
    }
    for (const mutation of WRITES) {
      record(singleConnectionRow(mutation, await writeLoad(app.url, editor, plan, mutation, 1, seconds(10))));
    }
  } finally {
    await app.stop();
  }
}

async function measureKurrentDb(): Promise<void> {
  console.log('KurrentDB: the double, the raw client, the app ...');
  const double = await startDoubleProcess();
  try {
    const raw = await rawClientAppends(double.connectionString, 16, seconds(10));
    const onKurrent = await startApp('app-kurrentdb', { env: { EVENT_STORE_URL: double.connectionString } });
    try {
      const plan = await seedPlan(onKurrent.app.url, onKurrent.admin, Number(flags.actions));
      for (const mutation of WRITES) {
        const load = await writeLoad(onKurrent.app.url, onKurrent.editor, plan, mutation, 16, seconds(10));
        record(kurrentDbRow(mutation, load, raw));
      }
    } finally {
      await onKurrent.app.stop();
    }
  } finally {
    await double.stop();
  }
}

await (flags.profile ? profileNotes() : measureAll());
