import type { AllStreamResolvedEvent, AllStreamSubscription } from '@kurrent/kurrentdb-client';
import { jitteredDelay } from '../backoff.js';
import {
  StoreAccessDeniedError,
  type AllSubscription,
  type SubscriptionMessage,
} from '../event-store.port.js';
import { readRecord } from './recorded-events.js';
import type { RetryPolicy, StoreLogger } from './settings.js';
import { describeError, isAccessDenied } from './transient-failures.js';

/** Opens the server's catch-up subscription to $all after a position (exclusive), or from the start. */
export type OpenFeed = (afterPosition: bigint | undefined) => AllStreamSubscription;

export interface SubscriptionSettings {
  readonly retry: RetryPolicy;
  readonly logger?: StoreLogger;
  /** Records of which streams to deliver, when the server could not filter by stream too. */
  readonly keep?: (stream: string) => boolean;
  readonly onClose: (subscription: KurrentDbAllSubscription) => void;
}

/** Above this many undelivered messages the server is asked to wait (gRPC flow control). */
const PAUSE_ABOVE = 1000;
const RESUME_BELOW = 100;

type Queued = SubscriptionMessage | { readonly kind: 'failed'; readonly error: unknown };

/**
 * One uninterrupted sequence of messages over any number of server subscriptions ("feeds"). When a
 * feed fails (server restarted, connection lost, leader changed) the next one starts after the last
 * event queued, with back-off, so the consumer sees no gap and no repeat; `connected` is false in
 * between. caughtUp is delivered once, the first time the server says so.
 */
export class KurrentDbAllSubscription implements AllSubscription {
  private readonly queue: Queued[] = [];
  private readonly messages: AsyncGenerator<SubscriptionMessage>;
  private wake: (() => void) | undefined;
  private feed: AllStreamSubscription | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  /** The last event queued (or the starting position): queued events survive a new feed. */
  private resumeAfter: bigint | undefined;
  private caughtUpQueued = false;
  private failures = 0;
  private closed = false;
  private isConnected = false;

  constructor(
    private readonly openFeed: OpenFeed,
    afterPosition: bigint | undefined,
    private readonly settings: SubscriptionSettings,
  ) {
    this.resumeAfter = afterPosition;
    this.messages = this.deliver();
    this.subscribe();
  }

  get connected(): boolean {
    return this.isConnected;
  }

  [Symbol.asyncIterator](): AsyncIterator<SubscriptionMessage> {
    return this.messages;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.isConnected = false;
    clearTimeout(this.retryTimer);
    this.settings.onClose(this);
    this.notify();
    const feed = this.feed;
    this.feed = undefined;
    await feed?.unsubscribe().catch(() => undefined);
  }

  private subscribe(): void {
    if (this.closed) return;
    const feed = this.openFeed(this.resumeAfter);
    this.feed = feed;
    // The client announces caughtUp beside its stream of events, possibly while events before it
    // still wait in the feed's buffer: count them so caughtUp takes its place after them.
    let handedOver = 0;
    let caughtUpAfter: number | undefined;
    const current = () => feed === this.feed;
    feed.on('confirmation', () => current() && this.confirmed());
    feed.on('data', (resolved: AllStreamResolvedEvent) => {
      if (!current()) return;
      handedOver += 1;
      this.confirmed();
      this.accept(resolved);
      if (handedOver === caughtUpAfter) this.queueCaughtUp();
    });
    feed.on('caughtUp', () => {
      if (!current()) return;
      caughtUpAfter = handedOver + feed.readableLength;
      if (caughtUpAfter === handedOver) this.queueCaughtUp();
    });
    feed.on('error', (error: unknown) => current() && this.lost(error));
    feed.on('end', () => current() && this.lost(new Error('the server ended the subscription')));
  }

  private accept(resolved: AllStreamResolvedEvent): void {
    const record = readRecord(resolved);
    const { stream, position } = 'event' in record ? record.event : record.skipped;
    // Left where it was: a new feed sends it again and it is passed over again.
    if (this.settings.keep && !this.settings.keep(stream)) return;
    // A new feed starts after resumeAfter: a server repeating its start is passed over. A position
    // before it is delivered as it is, for the consumer to refuse (the store went backwards).
    if (position !== undefined && position === this.resumeAfter) return;
    if (position !== undefined && (this.resumeAfter === undefined || position > this.resumeAfter)) {
      this.resumeAfter = position;
    }
    this.push('event' in record ? { kind: 'event', event: record.event } : { kind: 'skipped', ...record });
  }

  private queueCaughtUp(): void {
    if (this.caughtUpQueued) return;
    this.caughtUpQueued = true;
    this.push({ kind: 'caughtUp', position: this.resumeAfter });
  }

  private confirmed(): void {
    if (this.isConnected) return;
    this.isConnected = true;
    if (this.failures > 0) this.settings.logger?.log('Subscription to $all restored');
    this.failures = 0;
  }

  private lost(error: unknown): void {
    const feed = this.feed;
    this.feed = undefined;
    this.isConnected = false;
    void feed?.unsubscribe().catch(() => undefined);
    if (this.closed) return;
    // Our user may not read $all: no retry will change that, so the consumer hears it at once.
    if (isAccessDenied(error))
      return this.fail(new StoreAccessDeniedError('subscription to $all', { cause: error }));
    this.failures += 1;
    const delay = jitteredDelay(this.settings.retry, this.failures);
    const from = this.resumeAfter === undefined ? 'the start' : `position ${this.resumeAfter}`;
    this.settings.logger?.warn(
      `Subscription to $all lost (${describeError(error)}); subscribing again from after ${from} in ${delay} ms`,
    );
    this.retryTimer = setTimeout(() => this.subscribe(), delay);
  }

  /** A failure no retry can mend: the consumer's iteration ends with it. */
  private fail(error: unknown): void {
    const feed = this.feed;
    this.feed = undefined;
    void feed?.unsubscribe().catch(() => undefined);
    this.push({ kind: 'failed', error });
  }

  private push(message: Queued): void {
    this.queue.push(message);
    if (this.queue.length > PAUSE_ABOVE) this.feed?.pause();
    this.notify();
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  private async *deliver(): AsyncGenerator<SubscriptionMessage> {
    try {
      while (!this.closed) {
        const next = this.queue.shift();
        if (!next) {
          await new Promise<void>((resolve) => (this.wake = resolve));
          continue;
        }
        if (this.queue.length < RESUME_BELOW && this.feed?.isPaused()) this.feed.resume();
        if (next.kind === 'failed') throw next.error;
        yield next;
      }
    } finally {
      // The consumer may leave early (break in for-await); release the server's subscription then too.
      await this.close();
    }
  }
}
