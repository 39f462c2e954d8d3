import {
  StreamNotFoundError,
  type AllStreamResolvedEvent,
  type KurrentDBClient,
  type ReadStreamOptions,
  type ResolvedEvent,
} from '@kurrent/kurrentdb-client';
import type { RecordedEvent } from '../event-store.port.js';
import { toRecordedEvent } from './recorded-events.js';

/** A stream's events (through the client's native bridge); a stream that does not exist reads as empty. */
export async function readStreamEvents(
  client: KurrentDBClient,
  stream: string,
  options: ReadStreamOptions = {},
): Promise<RecordedEvent[]> {
  try {
    return await collect(client.readStream(stream, options));
  } catch (error) {
    if (error instanceof StreamNotFoundError) return [];
    throw error;
  }
}

export async function collect(
  events: AsyncIterable<ResolvedEvent | AllStreamResolvedEvent>,
): Promise<RecordedEvent[]> {
  const recorded: RecordedEvent[] = [];
  for await (const resolved of events) recorded.push(toRecordedEvent(resolved));
  return recorded;
}
