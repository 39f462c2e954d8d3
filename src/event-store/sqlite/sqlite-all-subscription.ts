import type { AllSubscription, RecordedEvent, SubscriptionMessage } from '../event-store.port.js';

export interface LogPage {
  readonly events: readonly RecordedEvent[];
  /** Every event up to this position has been considered (some may not match the stream prefix). */
  readonly readUpTo: bigint;
}

/** Reads the next page of matching events after a position (exclusive). */
export type LogPageReader = (afterPosition: bigint) => LogPage;

/**
 * Pulls pages from the log whenever the consumer asks for more, so history is never loaded whole
 * and events appended during catch-up are simply found by the next read: one cursor means no gaps
 * and no duplicates. When the log is exhausted it sleeps until notify() says something was committed.
 */
export class SqliteAllSubscription implements AllSubscription {
  private closed = false;
  private wake: (() => void) | undefined;
  private readonly messages: AsyncGenerator<SubscriptionMessage>;

  constructor(
    private readonly readPage: LogPageReader,
    private readonly afterPosition: bigint | undefined,
    private readonly onClose: (subscription: SqliteAllSubscription) => void,
  ) {
    this.messages = this.deliver();
  }

  [Symbol.asyncIterator](): AsyncIterator<SubscriptionMessage> {
    return this.messages;
  }

  /** Something may have been committed to the log. */
  notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.onClose(this);
    this.notify();
  }

  private async *deliver(): AsyncGenerator<SubscriptionMessage> {
    let cursor = this.afterPosition ?? 0n;
    let lastDelivered = this.afterPosition;
    let caughtUp = false;
    try {
      while (!this.closed) {
        const page = this.readPage(cursor);
        cursor = page.readUpTo;
        for (const event of page.events) {
          lastDelivered = event.position;
          yield { kind: 'event', event };
          if (this.closed) return;
        }
        // While the consumer held a message, appends may have notified nobody: read again first.
        if (page.events.length > 0) continue;
        if (!caughtUp) {
          caughtUp = true;
          yield { kind: 'caughtUp', position: lastDelivered };
        } else {
          // Nothing runs between the empty read above and this wait, so no notify is missed.
          await new Promise<void>((resolve) => (this.wake = resolve));
        }
      }
    } finally {
      // The consumer may leave early (break in for-await); release the store's resources then too.
      await this.close();
    }
  }
}
