import type { EventStore, RecordedEvent, SubscribeToAllOptions } from './event-store.port.js';

/**
 * The events a subscription delivers before it catches up (what is stored now), in position order,
 * then the subscription closed: a read of the log for the few that need one (the audit's check of
 * every chain, a lag count). `limit` stops early; records that are not events of ours are passed over.
 */
export async function historyUntilNow(
  store: Pick<EventStore, 'subscribeToAll'>,
  options: SubscribeToAllOptions = {},
  limit = Number.POSITIVE_INFINITY,
): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  if (limit <= 0) return events;
  const subscription = store.subscribeToAll(options);
  try {
    for await (const message of subscription) {
      if (message.kind === 'caughtUp') break;
      if (message.kind !== 'event') continue;
      events.push(message.event);
      if (events.length >= limit) break;
    }
  } finally {
    await subscription.close();
  }
  return events;
}
