import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import {
  EVENT_STORE,
  StoreAccessDeniedError,
  StoreUnavailableError,
  type AllSubscription,
  type EventStore,
  type SkippedRecord,
} from '../../event-store/event-store.port.js';
import { PLAN_STREAM_PREFIX } from '../plan-stream.js';
import type { PlanEventListener } from './plan-event-applied.js';
import { PlanReadModel } from './plan-read-model.js';
import { SkippedRecords, type SkippedRecordsReport } from './skipped-records.js';

/** How long a request waits for the read model to fold its own write before answering UNAVAILABLE. */
export const WAIT_FOR_DEADLINE_MS = 10_000;

/** The store delivered a position at or before one already folded: its log was replaced. */
export class PositionsWentBackwards extends Error {
  constructor(position: bigint, folded: bigint) {
    super(
      `The event store went backwards: position ${position} arrived after ${folded} was folded. ` +
        'Was it restored from a backup? The read models refuse to mix two histories: restart the ' +
        'application to rebuild them from the store as it is now',
    );
    this.name = 'PositionsWentBackwards';
  }
}

/** What /health/ready shows: whether the read models are current, and what they passed over. */
export interface ProjectionHealth {
  readonly ready: boolean;
  /** Why the read models stopped, in words safe to show anyone. */
  readonly stopped?: string;
  /** Only once something was passed over. */
  readonly skipped?: SkippedRecordsReport;
}

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
  private readonly skipped = new SkippedRecords();

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
            if (message.kind === 'skipped') {
              this.skip(message.skipped);
            } else if (message.kind === 'event') {
              this.assertForwards(message.event.position);
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

  health(): ProjectionHealth {
    return {
      ready: this.isHealthy,
      ...(this.failure ? { stopped: stoppedBecause(this.failure) } : {}),
      ...(this.skipped.report().count > 0 ? { skipped: this.skipped.report() } : {}),
    };
  }

  get isHealthy(): boolean {
    // A store that can lose its connection says so; the read models are stale until it is back.
    return this.caughtUp && this.failure === undefined && this.subscription?.connected !== false;
  }

  /** Resolves once the read model includes the event at this position (read-your-writes). */
  waitFor(position: bigint, deadlineMs = WAIT_FOR_DEADLINE_MS): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.processed >= position) return Promise.resolve();
    return new Promise((resolve, reject) => {
      // Stored but not yet readable: the client may ask again (with its key, it is answered, not repeated).
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((waiter) => waiter.resolve !== done);
        reject(new StoreUnavailableError('the read models are behind the store', 1));
      }, deadlineMs);
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      this.waiters.push({ position, resolve: done, reject: (error) => (clearTimeout(timer), reject(error)) });
    });
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

  /** A record of the store that is not an event of ours: counted, logged, and passed over. */
  private skip(record: SkippedRecord): void {
    this.skipped.add(record);
    this.logger.warn(`Skipped a record in ${record.stream}: ${record.reason} (${record.detail})`);
    if (record.position !== undefined) this.advanceTo(record.position);
  }

  private assertForwards(position: bigint): void {
    if (position <= this.processed) throw new PositionsWentBackwards(position, this.processed);
  }

  private fail(error: Error): void {
    this.failure = error;
    this.logger.error(`Projection stopped: ${error.message}`, error.stack);
    this.waiters.forEach((waiter) => waiter.reject(error));
    this.waiters = [];
  }
}

function stoppedBecause(error: Error): string {
  if (error instanceof StoreAccessDeniedError) return 'the event store refused access to $all';
  if (error instanceof PositionsWentBackwards) return "the event store's positions went backwards";
  return 'the read models stopped: see the log';
}

function partition<T>(items: readonly T[], predicate: (item: T) => boolean): [T[], T[]] {
  const yes: T[] = [];
  const no: T[] = [];
  items.forEach((item) => (predicate(item) ? yes : no).push(item));
  return [yes, no];
}
