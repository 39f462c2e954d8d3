import { existsSync, readFileSync } from 'node:fs';
import type {
  AppendResult,
  EventStore,
  ExpectedRevision,
  NewEvent,
} from '../../src/event-store/event-store.port.js';
import { historyUntilNow } from '../../src/event-store/history-until-now.js';

/**
 * Commits recorded in a SQLite WAL file: frames whose "database size after commit" field is set,
 * counted while their salts match the header's (older frames of a reset WAL do not). Read from the
 * file itself, so it counts what reached the disk, not what the code under test says it did.
 */
export function walCommits(databasePath: string): number {
  const walPath = `${databasePath}-wal`;
  if (!existsSync(walPath)) return 0;
  const wal = readFileSync(walPath);
  if (wal.length < 32) return 0;
  const pageSize = wal.readUInt32BE(8);
  const salts = [wal.readUInt32BE(16), wal.readUInt32BE(20)];
  let commits = 0;
  for (let frame = 32; frame + 24 + pageSize <= wal.length; frame += 24 + pageSize) {
    if (wal.readUInt32BE(frame + 8) !== salts[0] || wal.readUInt32BE(frame + 12) !== salts[1]) break;
    if (wal.readUInt32BE(frame + 4) > 0) commits += 1;
  }
  return commits;
}

export interface AppendCall {
  readonly stream: string;
  readonly events: readonly NewEvent[];
  readonly expected: ExpectedRevision;
}

/** What one append answered, comparable across stores: the result, or the error's name and fields. */
export type Answer = { readonly result: AppendResult } | { readonly error: Record<string, unknown> };

function answerOf(settled: PromiseSettledResult<AppendResult>): Answer {
  if (settled.status === 'fulfilled') return { result: settled.value };
  const error = settled.reason as Error;
  return { error: { ...error, name: error.name, message: error.message } };
}

/** All the calls issued in one turn, without awaiting any: they form one group. */
export async function appendTogether(store: EventStore, calls: readonly AppendCall[]): Promise<Answer[]> {
  const pending = calls.map((call) => store.append(call.stream, call.events, call.expected));
  return (await Promise.allSettled(pending)).map(answerOf);
}

/** The same calls, each awaited before the next is made. */
export async function appendOneAtATime(store: EventStore, calls: readonly AppendCall[]): Promise<Answer[]> {
  const answers: Answer[] = [];
  for (const call of calls) {
    const [settled] = await Promise.allSettled([store.append(call.stream, call.events, call.expected)]);
    answers.push(answerOf(settled!));
  }
  return answers;
}

/** Everything stored, in log order. */
export async function storedLog(store: EventStore) {
  return (await historyUntilNow(store)).map(({ id, stream, revision, position, type }) => ({
    id,
    stream,
    revision,
    position,
    type,
  }));
}
