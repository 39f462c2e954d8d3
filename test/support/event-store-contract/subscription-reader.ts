import type {
  AllSubscription,
  RecordedEvent,
  SubscriptionMessage,
} from '../../../src/event-store/event-store.port.js';

const DEFAULT_TIMEOUT_MS = 5000;

/**
 * Reads a subscription message by message with deadlines, so a broken store fails a test instead
 * of hanging it. A read that times out stays pending and is the first one the next read reuses.
 */
export class SubscriptionReader {
  private readonly iterator: AsyncIterator<SubscriptionMessage>;
  private pending: Promise<IteratorResult<SubscriptionMessage>> | undefined;

  constructor(subscription: AllSubscription) {
    this.iterator = subscription[Symbol.asyncIterator]();
  }

  async take(count: number, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<SubscriptionMessage[]> {
    const deadline = Date.now() + timeoutMs;
    const messages: SubscriptionMessage[] = [];
    while (messages.length < count) {
      const result = await this.next(deadline - Date.now());
      if (result === 'timeout') {
        throw new Error(`Timed out after ${timeoutMs} ms with ${messages.length} of ${count} messages`);
      }
      if (result.done) throw new Error(`Subscription ended after ${messages.length} of ${count} messages`);
      messages.push(result.value);
    }
    return messages;
  }

  /** The next `count` messages, which must all be events. */
  async takeEvents(count: number, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<RecordedEvent[]> {
    return (await this.take(count, timeoutMs)).map((message) => {
      if (message.kind !== 'event') throw new Error(`Expected an event, got ${JSON.stringify(message)}`);
      return message.event;
    });
  }

  /** The message that arrives within `ms`, or undefined: used to show nothing more is coming. */
  async nextWithin(ms: number): Promise<SubscriptionMessage | undefined> {
    const result = await this.next(ms);
    if (result === 'timeout' || result.done) return undefined;
    return result.value;
  }

  /** Whether the iteration finishes (a for-await loop would exit) within `ms`. */
  async endsWithin(ms: number = DEFAULT_TIMEOUT_MS): Promise<boolean> {
    const result = await this.next(ms);
    return result !== 'timeout' && result.done === true;
  }

  private async next(ms: number): Promise<IteratorResult<SubscriptionMessage> | 'timeout'> {
    this.pending ??= this.iterator.next();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), Math.max(ms, 0));
    });
    try {
      const result = await Promise.race([this.pending, timeout]);
      if (result !== 'timeout') this.pending = undefined;
      return result;
    } finally {
      clearTimeout(timer);
    }
  }
}

export function positionsOf(events: readonly RecordedEvent[]): bigint[] {
  return events.map((event) => event.position);
}

/** Waits for a promise, failing after `ms` instead of hanging the test. */
export async function within<T>(promise: Promise<T>, what: string, ms = DEFAULT_TIMEOUT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
