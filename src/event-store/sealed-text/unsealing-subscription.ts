import type { AllSubscription, RecordedEvent, SubscriptionMessage } from '../event-store.port.js';

/** Events whose keys are looked up at once; the rest wait (a store that talks to a server gains most). */
const LOOKAHEAD = 64;

/**
 * A subscription whose events are unsealed before delivery, in the order the store sent them. Up
 * to LOOKAHEAD messages are taken ahead so their keys are looked up together, which is what makes
 * a start-up that folds every event fast on a store where each key is a round trip.
 */
export class UnsealingSubscription implements AllSubscription {
  private closed = false;

  constructor(
    private readonly subscription: AllSubscription,
    private readonly unseal: (event: RecordedEvent) => Promise<RecordedEvent>,
  ) {}

  get connected(): boolean | undefined {
    return this.subscription.connected;
  }

  close(): Promise<void> {
    this.closed = true;
    return this.subscription.close();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<SubscriptionMessage> {
    const source = this.subscription[Symbol.asyncIterator]();
    const ahead: Promise<IteratorResult<SubscriptionMessage>>[] = [];
    const takeNext = () => {
      const next = source.next().then(async (result) => {
        if (result.done || result.value.kind !== 'event') return result;
        return {
          done: false,
          value: { kind: 'event', event: await this.unseal(result.value.event) },
        } as const;
      });
      // Awaited in turn below; until then a failure must not count as unhandled.
      next.catch(() => undefined);
      ahead.push(next);
    };
    try {
      for (let count = 0; count < LOOKAHEAD; count += 1) takeNext();
      for (;;) {
        const result = await ahead.shift()!;
        // Messages taken ahead are dropped once closed: nothing is delivered after close().
        if (result.done || this.closed) return;
        yield result.value;
        takeNext();
      }
    } finally {
      // Ends the messages taken ahead too (returning the source would wait for them first).
      await this.subscription.close();
    }
  }
}
