import { randomUUID } from 'node:crypto';
import {
  type AppendResult,
  type EventMetadata,
  type EventStore,
  type NewEvent,
  WrongExpectedRevisionError,
} from '../../../src/event-store/event-store.port.js';

/**
 * Stream names unique to one test, so the suite also runs against a shared server whose log
 * holds other tests' (and the system's) events: filter reads and subscriptions by `prefix`.
 */
export function testStreams(): { prefix: string; stream: (name: string) => string } {
  const prefix = `contract-${randomUUID()}-`;
  return { prefix, stream: (name) => `${prefix}${name}` };
}

export function newEvent(
  type: string,
  data: Record<string, unknown> = {},
  metadata: Partial<EventMetadata> = {},
): NewEvent {
  return {
    id: randomUUID(),
    type,
    data,
    metadata: {
      correlationId: randomUUID(),
      causationId: randomUUID(),
      recordedAt: new Date().toISOString(),
      schemaVersion: 1,
      ...metadata,
    },
  };
}

export function newEvents(count: number, type = 'ActionAdded'): NewEvent[] {
  return Array.from({ length: count }, (_, index) => newEvent(type, { index }));
}

/** The error a promise rejects with, so its fields can be asserted. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('Expected the promise to reject, but it resolved');
}

export function isStrictlyIncreasing(positions: readonly bigint[]): boolean {
  return positions.every((position, index) => index === 0 || position > (positions[index - 1] ?? position));
}

/** Appends one event at the stream's end, reading the end again when a concurrent writer got there first. */
export async function appendAtEnd(store: EventStore, stream: string): Promise<AppendResult> {
  const events = newEvents(1);
  for (;;) {
    const last = (await store.readStream(stream)).at(-1);
    try {
      return await store.append(stream, events, last ? last.revision : 'no_stream');
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
    }
  }
}
