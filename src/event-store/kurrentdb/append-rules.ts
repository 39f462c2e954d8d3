import type { AppendStreamState } from '@kurrent/kurrentdb-client';
import {
  type AppendResult,
  DuplicateEventIdError,
  type ExpectedRevision,
  type NewEvent,
  type RecordedEvent,
  WrongExpectedRevisionError,
} from '../event-store.port.js';

/** The port's expectation in the client's terms. */
export function toStreamState(expected: ExpectedRevision): AppendStreamState {
  return typeof expected === 'number' ? BigInt(expected) : expected;
}

export function assertNoRepeatedIds(events: readonly NewEvent[]): void {
  const ids = events.map((event) => event.id);
  const repeated = ids.find((id, index) => ids.indexOf(id) !== index);
  if (repeated !== undefined) throw new DuplicateEventIdError(repeated);
}

/**
 * Whether this batch is already in the stream. A retried append (same ids, same order) is found
 * whole, and the result of the original append is returned; any other reuse of a stored id is a
 * DuplicateEventIdError naming the first such id in the batch's order.
 *
 * KurrentDB itself recognises a retry only where the expected revision says the batch would
 * start, or, for 'any', while the ids are still in its in-memory cache; this check does not depend
 * on either. It sees the given stream only: KurrentDB keeps no index of event ids across streams.
 */
export function earlierAppendIn(
  stored: readonly RecordedEvent[],
  batch: readonly NewEvent[],
): AppendResult | undefined {
  const storedIds = new Set(stored.map((event) => event.id));
  const firstStored = batch.find((event) => storedIds.has(event.id));
  if (!firstStored) return undefined;
  const start = stored.findIndex((event) => event.id === batch[0]?.id);
  const run = start === -1 ? [] : stored.slice(start, start + batch.length);
  const last = run.at(-1);
  if (!last || run.length !== batch.length || run.some((event, index) => event.id !== batch[index]?.id)) {
    throw new DuplicateEventIdError(firstStored.id);
  }
  return { nextExpectedRevision: last.revision, position: last.position };
}

/** For an append of no events: does the stream, whose last event is `last`, meet the expectation? */
export function assertExpectation(
  stream: string,
  expected: ExpectedRevision,
  last: RecordedEvent | undefined,
): void {
  const holds =
    expected === 'any' ||
    (expected === 'no_stream' && last === undefined) ||
    (expected === 'stream_exists' && last !== undefined) ||
    expected === last?.revision;
  if (!holds) throw new WrongExpectedRevisionError(stream, expected, last?.revision ?? 'no_stream');
}
