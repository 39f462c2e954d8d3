import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { EVENT_STORE, type AllSubscription, type EventStore } from '../../event-store/event-store.port.js';
import { PLAN_STREAM_PREFIX } from '../plan-stream.js';
import type { PlanEventListener } from './plan-event-applied.js';
import { PlanReadModel } from './plan-read-model.js';

interface Waiter {
  readonly position: bigint;
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
}

/**
 * Keeps the read model up to date from a catch-up subscription to the whole store, so the API
 * answers from what was recorded, never from what a command handler believes it wrote.
 */
@Injectable()
export class PlanProjection implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PlanProjection.name);
  readonly readModel = new PlanReadModel();
  private subscription: AllSubscription | undefined;
  private processed: bigint = -1n;
  private waiters: Waiter[] = [];
  private failure: Error | undefined;
  private caughtUp = false;
  private readonly listeners: PlanEventListener[] = [];

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** Read models that need every folded event; register before the application starts. */
  addListener(listener: PlanEventListener): void {
    this.listeners.push(listener);
  }

  /** The API starts answering only once every stored event has been folded in. */
  onApplicationBootstrap(): Promise<void> {
    return this.start();
  }

  /** Subscribes and resolves once every stored event has been folded in. */
  start(): Promise<void> {
    this.subscription = this.store.subscribeToAll({ streamPrefix: PLAN_STREAM_PREFIX });
    const subscription = this.subscription;
    return new Promise((resolve, reject) => {
      void (async () => {
        try {
          for await (const message of subscription) {
            if (message.kind === 'event') {
              const applied = this.readModel.apply(message.event);
              for (const listener of this.listeners) listener.onPlanEvent(applied);
              this.advanceTo(message.event.position);
            } else if (!this.caughtUp) {
              this.caughtUp = true;
              if (message.position !== undefined) this.advanceTo(message.position);
              resolve();
            }
          }
        } catch (error) {
          this.fail(error instanceof Error ? error : new Error(String(error)));
          reject(this.failure);
        }
      })();
    });
  }

  get isHealthy(): boolean {
    // A store that can lose its connection says so; the read models are stale until it is back.
    return this.caughtUp && this.failure === undefined && this.subscription?.connected !== false;
  }

  /** Resolves once the read model includes the event at this position (read-your-writes). */
  waitFor(position: bigint): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.processed >= position) return Promise.resolve();
    return new Promise((resolve, reject) => this.waiters.push({ position, resolve, reject }));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscription?.close();
  }

  private advanceTo(position: bigint): void {
    if (position > this.processed) this.processed = position;
    if (this.waiters.length === 0) return;
    const [due, waiting] = partition(this.waiters, (waiter) => waiter.position <= this.processed);
    this.waiters = waiting;
    due.forEach((waiter) => waiter.resolve());
  }

  private fail(error: Error): void {
    this.failure = error;
    this.logger.error(`Projection stopped: ${error.message}`, error.stack);
    this.waiters.forEach((waiter) => waiter.reject(error));
    this.waiters = [];
  }
}

function partition<T>(items: readonly T[], predicate: (item: T) => boolean): [T[], T[]] {
  const yes: T[] = [];
  const no: T[] = [];
  items.forEach((item) => (predicate(item) ? yes : no).push(item));
  return [yes, no];
}
