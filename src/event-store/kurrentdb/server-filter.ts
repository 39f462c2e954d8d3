import { eventTypeFilter, type Filter } from '@kurrent/kurrentdb-client';
import type { SubscribeToAllOptions } from '../event-store.port.js';
import { streamFilter } from './recorded-events.js';

export interface SubscriptionFilter {
  /** What the server filters by: only matching events are sent. */
  readonly filter: Filter;
  /** What is left to check here, when a subscription asks for both a prefix and event types. */
  readonly keep?: (stream: string) => boolean;
}

/**
 * A $all subscription filters on stream names or on event types, not both: event types go to the
 * server (a few types of a large log is what a type filter is for), a stream prefix is then checked
 * here. Types match whole names; our types have no '$', so the server's own events never match.
 */
export function serverFilter(options: SubscribeToAllOptions): SubscriptionFilter {
  const { eventTypes, streamPrefix } = options;
  if (eventTypes === undefined) return { filter: streamFilter(streamPrefix) };
  const filter = eventTypeFilter({ regex: wholeNameOf(eventTypes) });
  if (streamPrefix === undefined) return { filter };
  return { filter, keep: (stream) => stream.startsWith(streamPrefix) };
}

/** A regex matching exactly these names (none when the list is empty). */
export function wholeNameOf(names: readonly string[]): string {
  if (names.length === 0) return '(?!)';
  return `^(?:${names.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`;
}
