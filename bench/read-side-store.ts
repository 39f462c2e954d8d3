/**
 * The read-side bench's store: `plans` plans of `eventsPerPlan` events each, generated from a seed
 * and written straight into an embedded SQLite event store (the app's own schema, rows exactly as
 * the SQLite adapter writes them, hash-chained as the app chains them), so the real app serves it.
 * Cached under tmp/bench/read-side/ by (seed, plans, events): a rerun reuses the file.
 *
 *   node dist-bench/bench/read-side-store.js [--seed=1] [--plans=100] [--events-per-plan=10000]
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, statfsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import type { RecordedActor } from '../src/auth/domain/actor.js';
import { chainHash, GENESIS_HASH } from '../src/audit/domain/chain-hash.js';
import { openDatabase } from '../src/event-store/sqlite/sqlite-database.js';
import { planStream, toNewEvents } from '../src/plans/plan-stream.js';
import { PlanHistory, OPENING_EVENTS } from './support/plan-history.js';
import { SeededRandom } from './support/seeded-random.js';
import { writeFormattedJson } from './support/formatted-json.js';

export interface StoreShape {
  readonly seed: number;
  readonly plans: number;
  readonly eventsPerPlan: number;
}

export interface GeneratedPlan {
  readonly planId: string;
  /** A few of its actions, for requests about one action. */
  readonly actionIds: readonly string[];
  readonly firstRecordedAt: string;
  readonly lastRecordedAt: string;
}

export interface GeneratedStore extends StoreShape {
  /** The data directory to start the app on (DATA_DIR); the events are in its events.db. */
  readonly dataDir: string;
  readonly totalEvents: number;
  readonly fileBytes: number;
  readonly generatedInMs: number;
  readonly generatedPlans: readonly GeneratedPlan[];
}

/** Each plan records a session of this many changes before the next plan's turn: plans interleave. */
const SESSION = 10;
const FIRST_RECORDED_AT = Date.parse('2020-01-01T08:00:00Z');
/** Every store spans four years whatever its size, so "as of" instants stay in the past. */
const SPAN_MS = 4 * 365 * 86_400_000;
const ROWS_PER_TRANSACTION = 50_000;
/** Measured: about 0.9 KB a row with its two indexes; the margin covers the WAL. */
const BYTES_PER_EVENT_ALLOWANCE = 1_500;

/** The repository (this file runs compiled, from dist-bench/bench/). */
const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const CACHE_DIR = join(ROOT, 'tmp', 'bench', 'read-side');

/** The store of this shape, generated once and then reused. */
export async function generatedStore(shape: StoreShape, log = console.log): Promise<GeneratedStore> {
  const { seed, plans, eventsPerPlan } = shape;
  const dir = join(CACHE_DIR, `seed-${seed}.plans-${plans}.events-${eventsPerPlan}`);
  const manifest = join(dir, 'manifest.json');
  if (existsSync(manifest)) return { ...readManifest(manifest), dataDir: dir };
  if (eventsPerPlan < OPENING_EVENTS)
    throw new RangeError(`events per plan must be at least ${OPENING_EVENTS}`);
  const partial = `${dir}.partial`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  const needed = plans * eventsPerPlan * BYTES_PER_EVENT_ALLOWANCE;
  const { bavail, bsize } = statfsSync(partial);
  if (bavail * bsize < needed) {
    throw new Error(
      `Generating needs about ${gb(needed)} GB free in ${CACHE_DIR}; ${gb(bavail * bsize)} GB is`,
    );
  }
  log(`Generating ${plans} plans x ${eventsPerPlan} events (seed ${seed}) into ${dir} ...`);
  const started = performance.now();
  const written = writeStore(join(partial, 'events.db'), shape);
  const generatedInMs = performance.now() - started;
  const fileBytes = statSync(join(partial, 'events.db')).size;
  const store = {
    ...shape,
    totalEvents: plans * eventsPerPlan,
    fileBytes,
    generatedInMs,
    generatedPlans: written,
  };
  await writeFormattedJson(join(partial, 'manifest.json'), store);
  renameSync(partial, dir);
  log(
    `Generated ${store.totalEvents} events in ${(generatedInMs / 1000).toFixed(1)} s (${gb(fileBytes)} GB)`,
  );
  return { ...store, dataDir: dir };
}

function writeStore(file: string, shape: StoreShape): GeneratedPlan[] {
  const { seed, plans, eventsPerPlan } = shape;
  const db = openDatabase(file);
  // A bench file: no fsync per transaction (the app opens it with its own FULL setting).
  db.pragma('synchronous = OFF');
  const insert = db.prepare(
    'INSERT INTO events (event_id, stream, revision, type, data, metadata) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const histories = Array.from({ length: plans }, (_, plan) => new PlanHistory(seed, plan));
  const heads = histories.map(() => GENESIS_HASH);
  const firsts: string[] = [];
  const lasts: string[] = [];
  const ids = new SeededRandom(seed, 0x1d5);
  const stepMs = Math.floor(SPAN_MS / (plans * eventsPerPlan));
  let recorded = 0;
  const writeRows = db.transaction((rows: number) => {
    for (let row = 0; row < rows;) {
      for (const [plan, history] of histories.entries()) {
        const take = Math.min(SESSION, eventsPerPlan - history.length);
        if (take <= 0) continue;
        const revision = history.length;
        const session = Array.from({ length: take }, () => history.next());
        const correlationId = ids.uuid();
        const actor: RecordedActor = {
          id: `local:editor-${plan % 12}`,
          name: `Editor ${plan % 12}`,
          roles: ['EDITOR'],
          via: 'web',
        };
        session.forEach((event, offset) => {
          const recordedAt = new Date(FIRST_RECORDED_AT + (recorded + offset) * stepMs).toISOString();
          const context = { correlationId, causationId: correlationId, recordedAt, actor };
          const [stored] = toNewEvents([event], context, () => ids.uuid());
          const { id, type, data, metadata } = stored!;
          const hash = chainHash(heads[plan]!, { id, type, data, metadata, revision: revision + offset });
          heads[plan] = hash;
          const stream = planStream(history.planId);
          insert.run(
            id,
            stream,
            revision + offset,
            type,
            JSON.stringify(data),
            JSON.stringify({ ...metadata, hash }),
          );
          if (revision + offset === 0) firsts[plan] = recordedAt;
          lasts[plan] = recordedAt;
        });
        recorded += take;
        row += take;
      }
      if (histories.every((history) => history.length >= eventsPerPlan)) return;
    }
  });
  while (recorded < plans * eventsPerPlan) writeRows(ROWS_PER_TRANSACTION);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return histories.map((history, plan) => ({
    planId: history.planId,
    actionIds: history.actionIds.slice(0, 5),
    firstRecordedAt: firsts[plan]!,
    lastRecordedAt: lasts[plan]!,
  }));
}

function readManifest(file: string): Omit<GeneratedStore, 'dataDir'> {
  return JSON.parse(readFileSync(file, 'utf8')) as Omit<GeneratedStore, 'dataDir'>;
}

const gb = (bytes: number) => (bytes / 1e9).toFixed(2);

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string', default: '1' },
      plans: { type: 'string', default: '100' },
      'events-per-plan': { type: 'string', default: '10000' },
    },
  });
  const shape = {
    seed: Number(values.seed),
    plans: Number(values.plans),
    eventsPerPlan: Number(values['events-per-plan']),
  };
  const store = await generatedStore(shape);
  console.log(`${store.totalEvents} events in ${store.dataDir}`);
}
