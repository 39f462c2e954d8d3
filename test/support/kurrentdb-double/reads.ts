import type { EventLog, StoredEvent } from './event-log.js';
import { streamName, streams } from './protocol.js';

type Options = streams.ReadReq.Options;
const { ReadDirection } = streams.ReadReq.Options;

export type EventFilter = (event: StoredEvent) => boolean;

/** Where a read of $all starts: reading forwards from a position includes the event there. */
export type AllStart = 'start' | 'end' | bigint;

/** The request's filter; without one every event passes (system events included, as on a server). */
export function eventFilter(options: Options): EventFilter {
  if (!options.hasFilter()) return () => true;
  const filter = options.getFilter();
  const expression = filter?.hasStreamIdentifier() ? filter.getStreamIdentifier() : filter?.getEventType();
  const field = filter?.hasStreamIdentifier()
    ? (event: StoredEvent) => event.stream
    : (event: StoredEvent) => event.type;
  const regex = expression?.getRegex();
  if (regex) {
    const pattern = new RegExp(regex);
    return (event) => pattern.test(field(event));
  }
  const prefixes = expression?.getPrefixList() ?? [];
  return (event) => prefixes.some((prefix) => field(event).startsWith(prefix));
}

/** How many events a filtered subscription considers between checkpoints (server default window 32). */
export function checkpointEvery(options: Options): number {
  const filter = options.getFilter();
  const window = filter?.hasMax() ? filter.getMax() : 32;
  return Math.max(window, 1) * Math.max(filter?.getCheckpointintervalmultiplier() ?? 1, 1);
}

export function allStart(options: Options): AllStart {
  const all = options.getAll();
  if (all?.hasStart()) return 'start';
  if (all?.hasEnd()) return 'end';
  return BigInt(all?.getPosition()?.getCommitPosition() ?? '0');
}

export function isBackwards(options: Options): boolean {
  return options.getReadDirection() === ReadDirection.BACKWARDS;
}

/** A stream read: its events, or undefined when the stream does not exist. */
export function readStream(log: EventLog, options: Options): StoredEvent[] | undefined {
  const stream = options.getStream();
  const events = log.stream(streamName(stream?.getStreamIdentifier()));
  if (!events) return undefined;
  const count = Number(options.getCount());
  if (isBackwards(options)) {
    const from = stream?.hasRevision() ? Number(stream.getRevision()) : events.length - 1;
    return events.slice(Math.max(from - count + 1, 0), from + 1).reverse();
  }
  const from = stream?.hasRevision() ? Number(stream.getRevision()) : stream?.hasEnd() ? events.length : 0;
  return events.slice(from, from + count);
}

/** A read of $all: forwards from a position includes it, backwards from a position excludes it. */
export function readAll(log: EventLog, options: Options): StoredEvent[] {
  const start = allStart(options);
  const filter = eventFilter(options);
  const count = Number(options.getCount());
  const all = log.events;
  const selected: StoredEvent[] = [];
  if (isBackwards(options)) {
    const from = start === 'end' ? all.length : start === 'start' ? 0 : log.indexAt(start);
    for (let index = from - 1; index >= 0 && selected.length < count; index -= 1) {
      const event = all[index];
      if (event && filter(event)) selected.push(event);
    }
    return selected;
  }
  const from = start === 'start' ? 0 : start === 'end' ? all.length : log.indexAt(start);
  for (let index = from; index < all.length && selected.length < count; index += 1) {
    const event = all[index];
    if (event && filter(event)) selected.push(event);
  }
  return selected;
}
