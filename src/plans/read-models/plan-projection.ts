import { setTimeout as sleep } from 'node:timers/promises';
import {
  Inject,
  Injectable,
  Logger,
  Optional,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import {
  EVENT_STORE,
  StoreUnavailableError,
  type AllSubscription,
  type EventStore,
  type RecordedEvent,
  type SkippedRecord,
} from '../../event-store/event-store.port.js';
import { jitteredDelay } from '../../event-store/backoff.js';
import { PLAN_STREAM_PREFIX, planIdOfStream } from '../plan-stream.js';
import type { LoadedPlan } from './loaded-plan.js';
import type { PlanEventApplied } from './plan-event-applied.js';
import { INDEX_EVENT_TYPES, PlanIndex } from './plan-index.js';
import { PlanLoader } from './plan-loader.js';
import { PositionWaiters } from './position-waiters.js';
import {
  DEFAULT_PLAN_CACHE_EVENTS,
  READ_SIDE_SETTINGS,
  type ReadSideSettings,
} from './read-side-settings.js';
import { PositionsWentBackwards, stoppedBecause, type ProjectionHealth } from './read-side-health.js';
import { SkippedRecords } from './skipped-records.js';

export { PositionsWentBackwards, type ProjectionHealth } from './read-side-health.js';

/** Between attempts to build the index while the store is away. */
const STORE_AWAY_BACKOFF = { initialDelayMs: 250, maxDelayMs: 2_000 };

/** How long a request waits for the read side to fold a position before answering UNAVAILABLE. */
export const WAIT_FOR_DEADLINE_MS = 10_000;

/** Told of every live event folded into a plan in memory (live subscriptions). */
export type LiveListener = (applied: PlanEventApplied, loaded: LoadedPlan) => void;

/**
 * The read side's link to the store. At start it builds the plan index from the four event types
 * that feed it (nothing else is read); from then on one live subscription keeps the index and the
 * plans in memory current, so the API answers from what was recorded.
 */
@Injectable()
export class PlanProjection implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PlanProjection.name);
  readonly index = new PlanIndex();
  readonly plans: PlanLoader;
  private subscription: AllSubscription | undefined;
  private readonly waiters = new PositionWaiters();
  private failure: Error | undefined;
  private indexed = false;
  private closed = false;
  private readonly live: LiveListener[] = [];
  private readonly skipped = new SkippedRecords();
  private started: Promise<void> | undefined;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Optional() @Inject(READ_SIDE_SETTINGS) settings?: ReadSideSettings,
  ) {
    this.plans = new PlanLoader(store, settings?.planCacheEvents ?? DEFAULT_PLAN_CACHE_EVENTS);
  }

  /** Read models told of each live event; register before the application starts. */
  onLiveEvent(listener: LiveListener): void {
    this.live.push(listener);
  }

  /** The app listens at once; until the index is built, /health/ready and the API answer 503. */
  onApplicationBootstrap(): void {
    void this.whenReady().catch(() => undefined);
  }

  /** Resolves once the index has caught up with the store (the command-line tools wait for it). */
  whenReady(): Promise<void> {
    return (this.started ??= this.start());
  }

  health(): ProjectionHealth {
    return {
      ready: this.isHealthy,
      ...(this.failure ? { stopped: stoppedBecause(this.failure) } : {}),
      ...(this.skipped.report().count > 0 ? { skipped: this.skipped.report() } : {}),
    };
  }

  get isHealthy(): boolean {
    // A store that can lose its connection says so; the read side is stale until it is back.
    return this.indexed && this.failure === undefined && this.subscription?.connected !== false;
  }

  get isReady(): boolean {
    return this.indexed && this.failure === undefined;
  }

  /** The last store position folded (-1 before any). */
  get foldedPosition(): bigint {
    return this.waiters.position;
  }

  /** Resolves once the read side includes the event at this position (read-your-writes). */
  waitFor(position: bigint, deadlineMs = WAIT_FOR_DEADLINE_MS): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    return this.waiters.waitFor(position, deadlineMs, () => {
      // Stored but not yet readable: the client may ask again (with its key, it is answered, not repeated).
      return new StoreUnavailableError('the read models are behind the store', 1);
    });
  }

  /** Resolves once everything stored by now is folded: before saying an id is unknown. */
  async waitForStore(deadlineMs = WAIT_FOR_DEADLINE_MS): Promise<void> {
    const head = await this.store.headPosition({ streamPrefix: PLAN_STREAM_PREFIX });
    if (head !== undefined) await this.waitFor(head, deadlineMs);
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    await this.subscription?.close();
  }

  private async start(): Promise<void> {
    const began = performance.now();
    try {
      const indexedUpTo = await this.indexWhenTheStoreAnswers();
      if (this.closed) return;
      const { plans, actions } = this.index.size;
      const took = Math.round(performance.now() - began);
      this.logger.log(`Plan index built: ${plans} plans, ${actions} actions in ${took} ms; ready`);
      this.waiters.advanceTo(indexedUpTo);
      this.subscription = this.store.subscribeToAll({
        streamPrefix: PLAN_STREAM_PREFIX,
        ...(indexedUpTo >= 0n ? { afterPosition: indexedUpTo } : {}),
      });
      this.indexed = true;
      void this.follow(this.subscription);
    } catch (error) {
      this.fail(error);
      throw this.failure;
    }
  }

  /**
   * A store that is away at start (a restart, an election) is waited for, for as long as it takes:
   * the app stays live and says it is not ready, rather than exiting into a restart loop.
   */
  private async indexWhenTheStoreAnswers(): Promise<bigint> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.buildIndex();
      } catch (error) {
        if (!(error instanceof StoreUnavailableError) || this.closed) throw error;
        this.logger.warn(
          `The event store is not answering yet; the plan index waits for it (${error.message})`,
        );
        this.index.clear();
        await sleep(jitteredDelay(STORE_AWAY_BACKOFF, attempt));
      }
    }
  }

  /** Index events up to the store's end at start; returns the last position they cover. */
  private async buildIndex(): Promise<bigint> {
    let upTo = (await this.store.headPosition({ streamPrefix: PLAN_STREAM_PREFIX })) ?? -1n;
    const subscription = this.store.subscribeToAll({ eventTypes: [...INDEX_EVENT_TYPES] });
    try {
      for await (const message of subscription) {
        if (message.kind === 'skipped') this.skip(message.skipped);
        else if (message.kind === 'event') {
          if (message.event.stream.startsWith(PLAN_STREAM_PREFIX)) this.index.apply(message.event);
          if (message.event.position > upTo) upTo = message.event.position;
        } else break;
      }
    } finally {
      await subscription.close();
    }
    return upTo;
  }

  private async follow(subscription: AllSubscription): Promise<void> {
    try {
      for await (const message of subscription) {
        if (message.kind === 'skipped') this.skip(message.skipped);
        else if (message.kind === 'event') this.fold(message.event);
      }
    } catch (error) {
      this.fail(error);
    }
  }

  private fold(recorded: RecordedEvent): void {
    if (recorded.position <= this.waiters.position) {
      throw new PositionsWentBackwards(recorded.position, this.waiters.position);
    }
    this.index.apply(recorded);
    const folded = this.plans.onLiveEvent(recorded, planIdOfStream(recorded.stream));
    if (folded) for (const listener of this.live) listener(folded.applied, folded.loaded);
    this.waiters.advanceTo(recorded.position);
  }

  /** A record of the store that is not an event of ours: counted, logged, and passed over. */
  private skip(record: SkippedRecord): void {
    this.skipped.add(record);
    this.logger.warn(`Skipped a record in ${record.stream}: ${record.reason} (${record.detail})`);
    if (record.position !== undefined && this.indexed) this.waiters.advanceTo(record.position);
  }

  private fail(error: unknown): void {
    this.failure = error instanceof Error ? error : new Error(String(error));
    this.logger.error(`The read side stopped: ${this.failure.message}`, this.failure.stack);
    this.waiters.failAll(this.failure);
  }
}
