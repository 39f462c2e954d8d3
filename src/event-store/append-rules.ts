import {
  type AppendResult,
  DuplicateEventIdError,
  type ExpectedRevision,
  type NewEvent,
  type RecordedEvent,
  WrongExpectedRevisionError,
} from './event-store.port.js';

/**
 * The stream an append is aimed at, as its adapter found it (in the append's transaction on SQLite,
 * after the server refused it on KurrentDB).
 */
export interface StreamAtAppend {
  readonly stream: string;
  /** Revision of the stream's last event; undefined when the stream does not exist. */
  readonly lastRevision: number | undefined;
  /**
   * The stored events whose ids are in the batch: found in the whole store (SQLite), or in this
   * stream only (KurrentDB keeps no index of event ids across streams).
   */
  readonly storedWithBatchIds: readonly RecordedEvent[];
}

export type AppendDecision =
  /** Store the batch as revisions firstRevision, firstRevision + 1, ... */
  | { readonly kind: 'append'; readonly firstRevision: number }
  /** The batch is a retry of an append that was stored: answer what that one answered. */
  | { readonly kind: 'alreadyStored'; readonly result: AppendResult };

/**
 * The idempotency and expected-revision rules, the same for every adapter. Event ids are
 * idempotency keys: a batch whose events are all stored, in this stream, one after another in the
 * batch's order, is a retry and answers the original result whatever `expected` now says; any
 * other reuse of a stored id is a DuplicateEventIdError naming the first such id in the batch.
 * Otherwise the stream must be where the writer expects it.
 */
export function decideAppend(
  batch: readonly NewEvent[],
  expected: ExpectedRevision,
  stream: StreamAtAppend,
): AppendDecision {
  assertNoRepeatedIds(batch);
  const earlier = earlierAppend(batch, stream);
  if (earlier) return { kind: 'alreadyStored', result: earlier };
  if (!expectationHolds(expected, stream.lastRevision)) {
    throw new WrongExpectedRevisionError(stream.stream, expected, stream.lastRevision ?? 'no_stream');
  }
  return { kind: 'append', firstRevision: (stream.lastRevision ?? -1) + 1 };
}

/** A batch naming one event id twice can never be stored: refused before anything is read. */
export function assertNoRepeatedIds(batch: readonly NewEvent[]): void {
  const ids = batch.map((event) => event.id);
  const repeated = ids.find((id, index) => ids.indexOf(id) !== index);
  if (repeated !== undefined) throw new DuplicateEventIdError(repeated);
}

export function expectationHolds(expected: ExpectedRevision, lastRevision: number | undefined): boolean {
  return expected === 'no_stream' ? lastRevision === undefined : lastRevision === expected;
}

function earlierAppend(batch: readonly NewEvent[], stream: StreamAtAppend): AppendResult | undefined {
  const byId = new Map(stream.storedWithBatchIds.map((event) => [event.id, event]));
  const firstStored = batch.find((event) => byId.has(event.id));
  if (!firstStored) return undefined;
  const run = batch.map((event) => byId.get(event.id));
  const first = run[0];
  const whole =
    first !== undefined &&
    run.every(
      (event, offset) =>
        event !== undefined && event.stream === stream.stream && event.revision === first.revision + offset,
    );
  const last = run.at(-1);
  if (!whole || !last) throw new DuplicateEventIdError(firstStored.id);
  return { nextExpectedRevision: last.revision, position: last.position };
}
