/**
 * What sealing free text costs on the embedded store: appends of one progress note each (what a
 * user's change is), raw, hash-chained (the app without sealing) and sealed above the chain (the
 * app), each on a fresh data directory; then a cold read of the whole stream, as a start-up does.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ChainedEventStore } from '../src/event-store/chained/chained-event-store.js';
import type { EventStore, NewEvent } from '../src/event-store/event-store.port.js';
import { SealedTextEventStore } from '../src/event-store/sealed-text/sealed-text-event-store.js';
import { SqliteTextKeys } from '../src/event-store/sealed-text/sqlite-text-keys.js';
import { SqliteEventStore } from '../src/event-store/sqlite/sqlite-event-store.js';
import { erasedTextOf, sealedFieldsOf } from '../src/plans/domain/sealed-text.js';
import { measure, report } from './measure.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 500);
const RULES = { sealedFieldsOf, erasedTextOf };

const note = (): NewEvent => ({
  id: randomUUID(),
  type: 'ProgressNoteAdded',
  data: { planId: 'p', actionId: 'a', noteId: randomUUID(), text: 'Caseloads audited. '.repeat(12) },
  metadata: {
    correlationId: randomUUID(),
    causationId: randomUUID(),
    recordedAt: new Date().toISOString(),
    schemaVersion: 1,
  },
});

const stacks: Record<string, (dir: string) => EventStore> = {
  raw: (dir) => SqliteEventStore.open(join(dir, 'events.db')),
  chained: (dir) => new ChainedEventStore(SqliteEventStore.open(join(dir, 'events.db'))),
  'sealed + chained': (dir) =>
    new SealedTextEventStore(
      new ChainedEventStore(SqliteEventStore.open(join(dir, 'events.db'))),
      SqliteTextKeys.open(join(dir, 'text-keys.db')),
      RULES,
    ),
};

const appends = [];
const reads = [];
for (const [name, open] of Object.entries(stacks)) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-sealed-'));
  const store = open(dir);
  const stream = `improvementPlan-${randomUUID()}`;
  let revision = -1;
  appends.push(
    await measure(`append 1 note (${name})`, RUNS, async () => {
      await store.append(stream, [note()], revision < 0 ? 'no_stream' : revision);
      revision += 1;
    }),
  );
  await store.close();
  const reopened = open(dir);
  const start = performance.now();
  const events = await reopened.readStream(stream);
  reads.push({ name: `cold read of ${events.length} notes (${name})`, ms: performance.now() - start });
  await reopened.close();
  rmSync(dir, { recursive: true, force: true });
}

console.log(report('Appending one progress note', appends, appends[0]!));
console.log(reads.map(({ name, ms }) => `${name}: ${ms.toFixed(1)} ms`).join('\n'));
