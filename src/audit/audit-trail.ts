import { Inject, Injectable } from '@nestjs/common';
import { STORED_EVENTS, type StoredEvents } from '../event-store/chained/stored-events.js';
import type { RecordedEvent } from '../event-store/event-store.port.js';
import { historyUntilNow } from '../event-store/history-until-now.js';
import { PLAN_STREAM_PREFIX, planIdOfStream, planStream } from '../plans/plan-stream.js';
import { verifyChain, versionWithHead, type AuditTrailVerification } from './domain/verify-chain.js';

export interface PlanVerification extends AuditTrailVerification {
  readonly planId: string;
  /** Events in the plan's stream. */
  readonly version: number;
}

/** A recorded head (from a board pack, say) checked against the chain as stored now. */
export interface RecordedHeadCheck extends PlanVerification {
  /** The version whose computed hash is the recorded head; null when none is. */
  readonly recordedHeadVersion: number | null;
}

/**
 * Checks plans' hash chains against the events exactly as stored (STORED_EVENTS), never the read
 * models: what is being checked is the store itself. A plan exists here when its stream has events.
 */
@Injectable()
export class AuditTrail {
  constructor(@Inject(STORED_EVENTS) private readonly events: StoredEvents) {}

  /** Undefined for a plan with no events. */
  async verifyPlan(planId: string): Promise<PlanVerification | undefined> {
    const events = await this.events.readStream(planStream(planId));
    return events.length === 0 ? undefined : verification(planId, events);
  }

  /** Undefined for a plan with no events. */
  async checkRecordedHead(planId: string, recordedHead: string): Promise<RecordedHeadCheck | undefined> {
    const events = await this.events.readStream(planStream(planId));
    if (events.length === 0) return undefined;
    return {
      ...verification(planId, events),
      recordedHeadVersion: versionWithHead(events, recordedHead) ?? null,
    };
  }

  /** Every plan in the store, in the order they were created. */
  async verifyEveryPlan(): Promise<PlanVerification[]> {
    const streams = new Map<string, RecordedEvent[]>();
    for (const event of await historyUntilNow(this.events, { streamPrefix: PLAN_STREAM_PREFIX })) {
      const stream = streams.get(event.stream) ?? [];
      stream.push(event);
      streams.set(event.stream, stream);
    }
    return [...streams].map(([stream, events]) => verification(planIdOfStream(stream), events));
  }

  /** The computed head hash once the plan had `version` events (as a board pack shows it). */
  async headAt(planId: string, version: number): Promise<string> {
    const events = await this.events.readStream(planStream(planId), { maxCount: Math.max(version, 0) });
    return verifyChain(events).headHash;
  }
}

const verification = (planId: string, events: readonly RecordedEvent[]): PlanVerification => ({
  planId,
  version: events.length,
  ...verifyChain(events),
});
