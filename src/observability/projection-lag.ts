import { Inject, Injectable } from '@nestjs/common';
import { STORED_EVENTS, type StoredEvents } from '../event-store/chained/stored-events.js';
import { PLAN_STREAM_PREFIX } from '../plans/plan-stream.js';
import { PlanProjection } from '../plans/read-models/plan-projection.js';
import { OperationsMetrics, type ProjectionLag } from './operations-metrics.js';

/** Counting stops here: a lag this large already says what it needs to. */
const LAG_CAP = 1_000;

/**
 * How far the read side (and so every live subscription, fed from it) is behind the store: the
 * plan events stored after the last one folded, counted when metrics are read (and only read when
 * the store's last position is past the one folded).
 */
@Injectable()
export class ProjectionLagProbe {
  constructor(
    private readonly projection: PlanProjection,
    // As stored: counting unseals no text.
    @Inject(STORED_EVENTS) private readonly store: StoredEvents,
    metrics: OperationsMetrics,
  ) {
    metrics.measureLagWith(() => this.lag());
    metrics.measureReadSideWith(() => ({
      cachedPlans: projection.plans.size.plans,
      cachedEvents: projection.plans.size.events,
      indexedPlans: projection.index.size.plans,
    }));
  }

  async lag(): Promise<ProjectionLag> {
    const folded = this.projection.foldedPosition;
    const head = await this.store.headPosition({ streamPrefix: PLAN_STREAM_PREFIX });
    if (head === undefined || head <= folded) return { foldedPosition: folded, unfoldedEvents: 0 };
    return { foldedPosition: folded, unfoldedEvents: await this.countAfter(folded) };
  }

  private async countAfter(folded: bigint): Promise<number> {
    const subscription = this.store.subscribeToAll({
      streamPrefix: PLAN_STREAM_PREFIX,
      ...(folded >= 0n ? { afterPosition: folded } : {}),
    });
    let count = 0;
    try {
      for await (const message of subscription) {
        if (message.kind === 'caughtUp') break;
        if (message.kind === 'event' && ++count >= LAG_CAP) break;
      }
    } finally {
      await subscription.close();
    }
    return count;
  }
}
