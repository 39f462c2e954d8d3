import type { BenchRow } from './bench-results.js';
import { ratioOf } from './bench-results.js';
import { alternating, eventBatches, rawInserts, storeAppends, type AppendRate } from './store-appends.js';
import { storedBytes } from './write-events.js';

/** The baseline: the store's own driver and openDatabase (same schema, WAL, synchronous=FULL). */
const RAW = 'raw better-sqlite3, 1 row per transaction';
/** Each pair is measured in this many alternating rounds. */
const ROUNDS = 4;

/**
 * Rows 1 to 3: SqliteEventStore.append against raw inserts of the same rows, each on a fresh file
 * in `dir` (the disk the app's data would be on, not a tmpfs), measured one after the other.
 */
export async function storeRows(dir: string, appends: number, batches: number): Promise<BenchRow[]> {
  const single = eventBatches(appends, 1);
  const hundreds = eventBatches(batches, 100);
  const [raw, alone] = await alternating(
    rawInserts(dir, 'raw-1'),
    storeAppends(dir, 'store-1', 1),
    single,
    ROUNDS,
  );
  // The baseline again beside the concurrent appenders, on fresh files: the ratio is to this one.
  const [rawAgain, concurrent] = await alternating(
    rawInserts(dir, 'raw-1-again'),
    storeAppends(dir, 'store-16', 16),
    single,
    ROUNDS,
  );
  const [rawHundreds, batched] = await alternating(
    rawInserts(dir, 'raw-100'),
    storeAppends(dir, 'store-100', 1),
    hundreds,
    ROUNDS,
  );
  const bytes = Math.round(single.flat().reduce((sum, event) => sum + storedBytes(event), 0) / appends);
  const row = (
    name: string,
    what: string,
    value: AppendRate,
    baseline: AppendRate,
    minimum: number,
    unit: 'appends/s' | 'events/s',
  ): BenchRow => {
    const perSecond = (rate: AppendRate) =>
      unit === 'events/s' ? rate.eventsPerSecond : rate.appendsPerSecond;
    const ratio = ratioOf(perSecond(value), perSecond(baseline));
    return {
      name,
      what: `${what}; baseline: better-sqlite3 with the store's schema and pragmas (WAL, synchronous=FULL), rows serialised beforehand`,
      baseline: unit === 'events/s' ? RAW.replace('1 row', '100 rows') : RAW,
      value: perSecond(value),
      baselineValue: perSecond(baseline),
      unit,
      ratio,
      target: `≥ ${minimum}×`,
      met: ratio !== null && ratio >= minimum,
      details: {
        appends: value.appends,
        eventBytes: bytes,
        p50Ms: Number(value.p50Ms.toFixed(3)),
        p99Ms: Number(value.p99Ms.toFixed(3)),
        baselineP50Ms: Number(baseline.p50Ms.toFixed(3)),
      },
    };
  };
  return [
    row(
      'append, 1 event, 1 appender',
      'SqliteEventStore.append of one event to a new stream, awaited one at a time',
      alone,
      raw,
      0.5,
      'appends/s',
    ),
    row(
      'append, 1 event, 16 appenders',
      'the same with 16 async loops, each awaiting its own appends',
      concurrent,
      rawAgain,
      2,
      'appends/s',
    ),
    row(
      'append, 100 events per append',
      'SqliteEventStore.append of 100 events to a new stream, one at a time',
      batched,
      rawHundreds,
      0.5,
      'events/s',
    ),
  ];
}
