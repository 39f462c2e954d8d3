import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { NewEvent } from '../../src/event-store/event-store.port.js';
import { openDatabase } from '../../src/event-store/sqlite/sqlite-database.js';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store.js';
import { userChangeEvent } from './write-events.js';

/** Appends (or transactions) per second, and how long each took. */
export interface AppendRate {
  readonly appends: number;
  readonly events: number;
  readonly ms: number;
  readonly eventsPerSecond: number;
  readonly appendsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

/** Something that appends batches: the store through the port, or the raw baseline. */
export interface Writer {
  /** Appends every batch (batch i to stream `bench-<offset + i>`), with `concurrency` loops. */
  run(batches: readonly NewEvent[][], offset: number): Promise<Timing>;
  close(): Promise<void>;
}

interface Timing {
  readonly ms: number;
  readonly samples: readonly number[];
  readonly events: number;
}

/** `appends` batches of `perAppend` events, made before the clock starts. */
export function eventBatches(appends: number, perAppend: number): NewEvent[][] {
  return Array.from({ length: appends }, (_, batch) =>
    Array.from({ length: perAppend }, (_, index) => userChangeEvent(batch * perAppend + index)),
  );
}

/**
 * Measures `a` and `b` on the same batches in alternating rounds (a, b, a, b, ...), so that a
 * spell of disk or CPU contention from other work falls on both rather than on one.
 */
export async function alternating(
  a: Writer,
  b: Writer,
  batches: readonly NewEvent[][],
  rounds: number,
): Promise<[AppendRate, AppendRate]> {
  const timings: [Timing[], Timing[]] = [[], []];
  const size = Math.ceil(batches.length / rounds);
  try {
    for (let start = 0; start < batches.length; start += size) {
      const round = batches.slice(start, start + size);
      timings[0].push(await a.run(round, start));
      timings[1].push(await b.run(round, start));
    }
  } finally {
    await Promise.all([a.close(), b.close()]);
  }
  return [rateOf(timings[0]), rateOf(timings[1])];
}

function rateOf(timings: readonly Timing[]): AppendRate {
  const samples = timings.flatMap((timing) => timing.samples).sort((x, y) => x - y);
  const ms = timings.reduce((sum, timing) => sum + timing.ms, 0);
  const events = timings.reduce((sum, timing) => sum + timing.events, 0);
  const at = (fraction: number) =>
    samples[Math.min(samples.length - 1, Math.floor(fraction * samples.length))]!;
  return {
    appends: samples.length,
    events,
    ms,
    eventsPerSecond: (events * 1000) / ms,
    appendsPerSecond: (samples.length * 1000) / ms,
    p50Ms: at(0.5),
    p99Ms: at(0.99),
  };
}

/** Runs `work` on every batch with `concurrency` loops, each awaiting its own; times the whole and each. */
async function timed<Batch extends readonly unknown[]>(
  batches: readonly Batch[],
  concurrency: number,
  work: (batch: Batch, index: number) => unknown,
): Promise<Timing> {
  const samples: number[] = [];
  let next = 0;
  const loop = async () => {
    while (next < batches.length) {
      const index = next++;
      const started = performance.now();
      await work(batches[index]!, index);
      samples.push(performance.now() - started);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, loop));
  const events = batches.reduce((sum, batch) => sum + batch.length, 0);
  return { ms: performance.now() - started, samples, events };
}

/** A fresh file in `dir` for one writer: every measurement starts from an empty store. */
function freshFile(dir: string, name: string): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.db`);
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  return file;
}

/**
 * The baseline: better-sqlite3 (the store's own driver and openDatabase, so the same schema, WAL and
 * synchronous=FULL) inserting the same rows, serialised before the clock starts, one IMMEDIATE
 * transaction per batch, one at a time (the driver is synchronous: concurrency cannot help it).
 */
export function rawInserts(dir: string, name: string): Writer {
  const db = openDatabase(freshFile(dir, name));
  const insert = db.prepare(
    'INSERT INTO events (event_id, stream, revision, type, data, metadata) VALUES (?, ?, ?, ?, ?, ?)',
  );
  type Row = [string, string, number, string, string, string];
  const commit = db.transaction((rows: readonly Row[]) => {
    for (const row of rows) insert.run(...row);
  });
  return {
    run: (batches, offset) => {
      const rows = batches.map((batch, index) =>
        batch.map((event, revision): Row => {
          const { id, type, data, metadata } = event;
          return [
            id,
            `bench-${offset + index}`,
            revision,
            type,
            JSON.stringify(data),
            JSON.stringify(metadata),
          ];
        }),
      );
      return timed(rows, 1, (batch) => commit.immediate(batch));
    },
    close: async () => {
      db.close();
    },
  };
}

/** The same events through the port: SqliteEventStore.append, each batch to a new stream. */
export function storeAppends(dir: string, name: string, concurrency: number): Writer {
  const store = SqliteEventStore.open(freshFile(dir, name));
  return {
    run: (batches, offset) =>
      timed(batches, concurrency, (batch, index) =>
        store.append(`bench-${offset + index}`, batch, 'no_stream'),
      ),
    close: () => store.close(),
  };
}
