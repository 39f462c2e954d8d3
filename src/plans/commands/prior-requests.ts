import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '../../event-store/event-store.port.js';
import { priorRequest, type KeyedRequest, type PriorRequest } from '../domain/idempotency.js';
import { planStream, recordedRequestOf } from '../plan-stream.js';
import type { LoadedPlan } from '../read-models/loaded-plan.js';
import { PlanReads } from '../read-models/plan-reads.js';

/**
 * Whether a keyed request was recorded already: the plan in memory knows every request it has
 * folded; events of the plan it has not folded yet (another instance wrote them a moment ago) are
 * read from the plan's stream, so the answer never depends on how far this instance has caught up.
 */
@Injectable()
export class PriorRequests {
  constructor(
    private readonly reads: PlanReads,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async find(request: KeyedRequest, now: Date): Promise<PriorRequest> {
    const loaded = await this.reads.findKnown(request.planId);
    const unfolded = await this.store.readStream(planStream(request.planId), {
      fromRevision: loaded?.version ?? 0,
    });
    return this.among(loaded, unfolded, request, now);
  }

  /** As find, for a caller that has just read the plan's unfolded events itself. */
  among(
    loaded: LoadedPlan | undefined,
    unfolded: readonly RecordedEvent[],
    request: KeyedRequest,
    now: Date,
  ): PriorRequest {
    const folded = loaded?.requests.get(request.requestKey);
    const recorded = unfolded.flatMap((event) => recordedRequestOf(event) ?? []);
    return priorRequest(folded ? [folded, ...recorded] : recorded, request, now);
  }
}
