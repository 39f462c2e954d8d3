import {
  BACKWARDS,
  END,
  WrongExpectedVersionError,
  type AppendStreamState,
  type KurrentDBClient,
} from '@kurrent/kurrentdb-client';
import { decideAppend } from '../append-rules.js';
import {
  type AppendResult,
  type ExpectedRevision,
  type NewEvent,
  WrongExpectedRevisionError,
} from '../event-store.port.js';
import { readStreamEvents } from './reads.js';
import { toEventData } from './recorded-events.js';

/**
 * One attempt at an append (the store retries it after transient failures with the same event
 * ids). Only the port's errors leave it: a refused expectation becomes WrongExpectedRevisionError,
 * or DuplicateEventIdError when the batch reuses stored ids. The server checks the expectation and
 * recognises a retry where the expected revision says the batch starts; append-rules.ts decides
 * every other case, the same way as on SQLite.
 */
export async function appendOnce(
  client: KurrentDBClient,
  stream: string,
  events: readonly NewEvent[],
  expected: ExpectedRevision,
  /** The gRPC deadline of the append, in milliseconds. */
  callOptions: { readonly deadline: number },
): Promise<AppendResult> {
  if (events.length === 0) return checkOnly(client, stream, expected);
  try {
    const result = await client.appendToStream(stream, events.map(toEventData), {
      ...callOptions,
      streamState: toStreamState(expected),
    });
    if (!result.success) return await conflict(client, stream, events, expected);
    const revision = Number(result.nextExpectedRevision);
    // Older servers give no position for a retry they recognised: read the event's own then.
    const position = result.position?.commit ?? (await positionOf(client, stream, revision));
    return { nextExpectedRevision: revision, position };
  } catch (error) {
    if (error instanceof WrongExpectedVersionError) return await conflict(client, stream, events, expected);
    throw error;
  }
}

/**
 * The server refused the expectation: the batch is a retry stored elsewhere in the stream (its
 * original result is returned), reuses stored ids, or lost to a concurrent writer.
 */
async function conflict(
  client: KurrentDBClient,
  stream: string,
  events: readonly NewEvent[],
  expected: ExpectedRevision,
): Promise<AppendResult> {
  const stored = await readStreamEvents(client, stream);
  const ids = new Set(events.map((event) => event.id));
  const lastRevision = stored.at(-1)?.revision;
  const decision = decideAppend(events, expected, {
    stream,
    lastRevision,
    storedWithBatchIds: stored.filter((event) => ids.has(event.id)),
  });
  if (decision.kind === 'alreadyStored') return decision.result;
  // The stream now looks as expected, yet the server refused: it changed in between (a deletion).
  throw new WrongExpectedRevisionError(stream, expected, lastRevision ?? 'no_stream');
}

/**
 * Appending nothing checks the expectation only, and describes the stream as it is: its last
 * revision and that event's position, or -1 and position 0 for a stream that does not exist
 * (KurrentDB has no cheap "end of our log", and the end of $all may be a system event that no
 * subscriber of ours would ever see).
 */
async function checkOnly(
  client: KurrentDBClient,
  stream: string,
  expected: ExpectedRevision,
): Promise<AppendResult> {
  const [last] = await readStreamEvents(client, stream, {
    fromRevision: END,
    direction: BACKWARDS,
    maxCount: 1,
  });
  decideAppend([], expected, { stream, lastRevision: last?.revision, storedWithBatchIds: [] });
  return last
    ? { nextExpectedRevision: last.revision, position: last.position }
    : { nextExpectedRevision: -1, position: 0n };
}

async function positionOf(client: KurrentDBClient, stream: string, revision: number): Promise<bigint> {
  const [event] = await readStreamEvents(client, stream, { fromRevision: BigInt(revision), maxCount: 1 });
  if (!event) throw new Error(`Event ${revision} of ${stream} was appended but cannot be read`);
  return event.position;
}

/** The port's expectation in the client's terms. */
function toStreamState(expected: ExpectedRevision): AppendStreamState {
  return typeof expected === 'number' ? BigInt(expected) : expected;
}
