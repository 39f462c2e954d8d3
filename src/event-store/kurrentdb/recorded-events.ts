import {
  jsonEvent,
  streamNameFilter,
  type EventData,
  type Filter,
  type Position,
  type RecordedEvent as ClientRecordedEvent,
} from '@kurrent/kurrentdb-client';
import type { EventMetadata, NewEvent, RecordedEvent } from '../event-store.port.js';

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
    metadata: { ...event.metadata },
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
    metadata: event.metadata as unknown as EventMetadata,
  };
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
