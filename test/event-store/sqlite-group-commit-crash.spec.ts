import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from '@jest/globals';
import type { RecordedEvent } from '../../src/event-store/event-store.port.js';
import { historyUntilNow } from '../../src/event-store/history-until-now.js';
import { TemporaryStoreFile } from './temporary-store-file.js';

const REGISTER_TS = fileURLToPath(new URL('../support/run-typescript/register.mjs', import.meta.url));
const WRITER = fileURLToPath(new URL('./group-commit-writer.ts', import.meta.url));

/** Runs the writer on the file until it has acknowledged `acks` appends, then SIGKILLs it mid-run. */
async function killWriterAfter(path: string, acks: number): Promise<Set<number>> {
  const child = spawn(process.execPath, ['--import', REGISTER_TS, WRITER, path], {
    env: { ...process.env, NODE_OPTIONS: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const acked = new Set<number>();
  let said = '';
  let complained = '';
  let killing: NodeJS.Timeout | undefined;
  child.stderr.on('data', (chunk: Buffer) => (complained += chunk.toString()));
  const exited = new Promise<string>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? `${code}`)),
  );
  child.stdout.on('data', (chunk: Buffer) => {
    said += chunk.toString();
    const lines = said.split('\n');
    said = lines.pop() ?? '';
    for (const line of lines) acked.add(Number(/^acked (\d+)$/.exec(line)?.[1]));
    // A little later, at any point of the next groups (issuing, writing, syncing, acknowledging).
    if (acked.size >= acks && !killing) killing = setTimeout(() => child.kill('SIGKILL'), Math.random() * 5);
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  const how = await exited;
  clearTimeout(timer);
  if (how !== 'SIGKILL' || acked.size < acks) {
    throw new Error(`The writer ended (${how}) after ${acked.size} acks:\n${complained.slice(-3000)}`);
  }
  // Whatever the pipe still held was written before the kill: those appends count as acknowledged.
  for (const line of said.split('\n')) if (/^acked \d+$/.test(line)) acked.add(Number(line.slice(6)));
  return acked;
}

interface StoredAppend {
  readonly count: number;
  readonly events: RecordedEvent[];
}

function appendsIn(events: readonly RecordedEvent[]): Map<number, StoredAppend> {
  const appends = new Map<number, StoredAppend>();
  for (const event of events) {
    const { append, count } = event.data as { append: number; count: number };
    const stored = appends.get(append) ?? { count, events: [] };
    stored.events.push(event);
    appends.set(append, stored);
  }
  return appends;
}

describe('SqliteEventStore group commit, killed mid-run', () => {
  let file: TemporaryStoreFile | undefined;

  afterEach(async () => {
    await file?.remove();
  });

  it('keeps every acknowledged append whole and stores no part of any append or group', async () => {
    file = new TemporaryStoreFile();
    const acked = await killWriterAfter(file.path, 3000);

    const events = await historyUntilNow(file.open());
    const appends = appendsIn(events);
    const missing = [...acked].filter((append) => !appends.has(append));
    expect(missing).toEqual([]);
    for (const [append, { count, events: own }] of appends) {
      const shape = own.map((event) => [
        event.stream,
        event.revision - own[0]!.revision,
        event.data['index'],
      ]);
      const whole = Array.from({ length: count }, (_, index) => [own[0]!.stream, index, index]);
      expect({ append, shape }).toEqual({ append, shape: whole });
    }
    const streams = new Map<string, number[]>();
    for (const event of events)
      streams.set(event.stream, [...(streams.get(event.stream) ?? []), event.revision]);
    for (const revisions of streams.values()) expect(revisions).toEqual(revisions.map((_, index) => index));
    // Groups commit in the order appends were issued (numbered): a hole would be a lost or half group.
    // Appends issued but not acknowledged may be stored (committed just before the kill) or not.
    expect([...appends.keys()].sort((a, b) => a - b)).toEqual([...appends.keys()].map((_, index) => index));
  });
});
