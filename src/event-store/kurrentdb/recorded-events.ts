import {
  jsonEvent,
  streamNameFilter,
  type EventData,
  type Filter,
  type Position,
  type AllStreamResolvedEvent,
  type RecordedEvent as ClientRecordedEvent,
} from '@kurrent/kurrentdb-client';
import type { NewEvent, RecordedEvent, SkippedRecord } from '../event-store.port.js';
import { toStoredMetadata, upcastStoredMetadata } from './correlation-metadata.js';

/** A server that does not know an event's position reports the largest u64 instead. */
const NO_POSITION = 2n ** 64n - 1n;

/** Stream names of KurrentDB's own events ($epoch-information, $$metadata, $stats...). */
const NOT_A_SYSTEM_STREAM = '^[^$]';

/**
 * Events are JSON; our metadata travels as the event's custom metadata (also JSON), and the event id
 * is the server's idempotency key.
 */
export function toEventData(event: NewEvent): EventData {
  return jsonEvent({
    id: event.id,
    type: event.type,
    data: { ...event.data },
    metadata: toStoredMetadata(event.metadata),
  });
}

/**
 * The port's one position is KurrentDB's commit position. Every event appended over gRPC commits
 * itself, so its commit and prepare positions are equal and unique to it, and $all is ordered by
 * them. (Only events of the old TCP API's explicit transactions share their commit record's
 * position; this application never writes those.)
 */
export function toRecordedEvent(resolved: { readonly event?: ClientRecordedEvent }): RecordedEvent {
  const event = resolved.event;
  if (!event) throw new Error('KurrentDB delivered a link to an event that no longer exists');
  const position = event.position?.commit;
  if (position === undefined || position === NO_POSITION) {
    throw new Error(`KurrentDB gave event ${event.id} no position: the server is too old (see README)`);
  }
  if (!event.isJson || !isJsonObject(event.data) || !isJsonObject(event.metadata)) {
    throw new Error(`Event ${event.id} in ${event.streamId} was not written by this application`);
  }
  return {
    id: event.id,
    stream: event.streamId,
    revision: Number(event.revision),
    position,
    type: event.type,
    data: event.data,
    metadata: upcastStoredMetadata(event.metadata),
  };
}

/**
 * An event of $all as the subscription delivers it, or why it is passed over: the marker a
 * tombstone writes into the stream itself, a link whose event was truncated away ($maxAge, $tb,
 * a scavenge), or a record this application cannot read (not JSON: a "poison" event).
 */
export function readRecord(
  resolved: AllStreamResolvedEvent,
): { readonly event: RecordedEvent } | { readonly skipped: SkippedRecord } {
  const event = resolved.event;
  if (!event) {
    const stream = resolved.link?.streamId ?? 'unknown';
    const position = resolved.link?.position?.commit ?? resolved.commitPosition;
    return {
      skipped: { stream, position, reason: 'truncated', detail: 'a link to an event no longer stored' },
    };
  }
  const skipped = (reason: SkippedRecord['reason'], detail: string) => ({
    skipped: { stream: event.streamId, position: event.position?.commit, reason, detail },
  });
  if (event.type === '$streamDeleted') return skipped('tombstone', 'the stream was deleted for good');
  try {
    return { event: toRecordedEvent(resolved) };
  } catch (error) {
    return skipped('unreadable', `event ${event.id} (${event.type}): ${(error as Error).message}`);
  }
}

/** Where to start reading $all so that `position` is the first event considered. */
export function readPositionAt(position: bigint): Position {
  return { commit: position, prepare: position };
}

/** Our streams only: those with the prefix, or every stream but the server's own. */
export function streamFilter(streamPrefix: string | undefined): Filter {
  return streamPrefix
    ? streamNameFilter({ prefixes: [streamPrefix] })
    : streamNameFilter({ regex: NOT_A_SYSTEM_STREAM });
}

function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !ArrayBuffer.isView(value);
}
