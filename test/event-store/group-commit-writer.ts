/**
 * Child process of the group-commit crash test: appends without pause from many concurrent
 * appenders (so every flush is a group, several appends per stream in it, 1 to 4 events each) and
 * prints `acked <append>` the moment an append's promise resolves. Killed by the test, never ends.
 */
import { randomUUID } from 'node:crypto';
import type { NewEvent } from '../../src/event-store/event-store.port.js';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store.js';

const APPENDERS = 24;
const STREAMS = 8;

const store = SqliteEventStore.open(process.argv[2]!);
/** The next free revision of each stream, taken when an append is issued: groups keep issue order. */
const nextRevision = new Map<string, number>();
let appendsIssued = 0;

function eventsOf(append: number, count: number): NewEvent[] {
  return Array.from({ length: count }, (_, index) => ({
    id: randomUUID(),
    type: 'ActionAdded',
    data: { append, index, count, note: 'x'.repeat(200) },
    metadata: {
      correlationId: randomUUID(),
      causationId: randomUUID(),
      recordedAt: new Date().toISOString(),
      schemaVersion: 1,
    },
  }));
}

async function appendForever(): Promise<never> {
  for (;;) {
    const append = appendsIssued++;
    const stream = `plan-${append % STREAMS}`;
    const count = 1 + (append % 4);
    const first = nextRevision.get(stream) ?? 0;
    nextRevision.set(stream, first + count);
    await store.append(stream, eventsOf(append, count), first === 0 ? 'no_stream' : first - 1);
    // Synchronous on a pipe (Linux): once written, the parent has it even if killed next.
    process.stdout.write(`acked ${append}\n`);
  }
}

await Promise.all(Array.from({ length: APPENDERS }, () => appendForever()));
