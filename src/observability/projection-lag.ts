import { Inject, Injectable } from '@nestjs/common';
import { STORED_EVENTS, type StoredEvents } from '../event-store/chained/stored-events.js';
import { PLAN_STREAM_PREFIX } from '../plans/plan-stream.js';
import type { PlanEventApplied, PlanEventListener } from '../plans/read-models/plan-event-applied.js';
import { PlanProjection } from '../plans/read-models/plan-projection.js';
import { OperationsMetrics, type ProjectionLag } from './operations-metrics.js';

/** Counting stops here: a lag this large already says what it needs to. */
const LAG_CAP = 1_000;

/**
 * How far the read models (and so every live subscription, fed from them) are behind the store:
 * the plan events stored after the last one folded, counted when metrics are read. Counted from
 * the stored events as they are (no text unsealed).
 */
@Injectable()
export class ProjectionLagProbe implements PlanEventListener {
  private folded = -1n;

  constructor(
    projection: PlanProjection,
    @Inject(STORED_EVENTS) private readonly store: StoredEvents,
    metrics: OperationsMetrics,
  ) {
    projection.addListener(this);
    metrics.measureLagWith(() => this.lag());
  }

  onPlanEvent({ recorded }: PlanEventApplied): void {
    if (recorded.position > this.folded) this.folded = recorded.position;
  }

  async lag(): Promise<ProjectionLag> {
    const folded = this.folded;
    const unfolded = await this.store.readAll({
      streamPrefix: PLAN_STREAM_PREFIX,
      maxCount: LAG_CAP,
      ...(folded >= 0n ? { afterPosition: folded } : {}),
    });
    return { foldedPosition: folded, unfoldedEvents: unfolded.length };
  }
}
