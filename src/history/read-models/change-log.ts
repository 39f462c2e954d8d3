import { Injectable, type OnModuleInit } from '@nestjs/common';
import { PubSub } from 'graphql-subscriptions';
import type { PlanEventApplied, PlanEventListener } from '../../plans/read-models/plan-event-applied.js';
import { PlanProjection } from '../../plans/read-models/plan-projection.js';
import { redactionNotice } from '../../plans/domain/recorded-texts.js';
import { redactionBy } from '../../plans/domain/redaction.js';
import { changeTiming, describeChange, type PlanChange } from '../domain/plan-change.js';
import { redactedChanges } from '../domain/redacted-changes.js';

const topic = (planId: string) => `planChanged:${planId}`;

/**
 * The audit history of every plan, described once per event as the projection folds it, and
 * pushed live to subscribers. Computed from events only, so it cannot drift from them.
 */
@Injectable()
export class ChangeLog implements PlanEventListener, OnModuleInit {
  private readonly changesByPlan = new Map<string, PlanChange[]>();
  private readonly live = new PubSub<Record<string, PlanChange>>();

  constructor(private readonly projection: PlanProjection) {}

  onModuleInit(): void {
    this.projection.addListener(this);
  }

  onPlanEvent({ recorded, event, context, before, after }: PlanEventApplied): void {
    const change: PlanChange = {
      ...describeChange(event, before, after),
      ...changeTiming(context),
      planId: after.id,
      eventId: recorded.id,
      position: recorded.position,
      version: after.version,
      correlationId: recorded.metadata.correlationId ?? null,
    };
    let changes = this.changesByPlan.get(after.id) ?? [];
    if (event.type === 'TextRedacted') {
      changes = redactedChanges(changes, event.data, redactionNotice(redactionBy(event, context)));
    }
    this.changesByPlan.set(after.id, changes);
    changes.push(change);
    void this.live.publish(topic(after.id), change);
  }

  /** Every change of the plan, oldest first; empty for an unknown plan. */
  of(planId: string): readonly PlanChange[] {
    return this.changesByPlan.get(planId) ?? [];
  }

  /** Changes of the plan from now on, as they are recorded. */
  subscribe(planId: string): AsyncIterableIterator<PlanChange> {
    return this.live.asyncIterableIterator<PlanChange>(topic(planId));
  }
}
