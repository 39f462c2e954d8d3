import { EventEmitter } from 'node:events';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { PubSub } from 'graphql-subscriptions';
import type { PlanEventApplied, PlanEventListener } from '../../plans/read-models/plan-event-applied.js';
import { PlanProjection } from '../../plans/read-models/plan-projection.js';
import { redactionNotice } from '../../plans/domain/recorded-texts.js';
import { redactionBy } from '../../plans/domain/redaction.js';
import { changeTiming, describeChange, type PlanChange } from '../domain/plan-change.js';
import { redactedChanges } from '../domain/redacted-changes.js';

const topic = (planId: string) => `planChanged:${planId}`;

/** One listener per live subscription to a plan: the live limits bound them, not Node's warning at 10. */
function unboundedEmitter(): EventEmitter {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return emitter;
}

/**
 * The audit history of every plan, described once per event as the projection folds it, and
 * pushed live to subscribers. Computed from events only, so it cannot drift from them.
 */
@Injectable()
export class ChangeLog implements PlanEventListener, OnModuleInit {
  private readonly changesByPlan = new Map<string, PlanChange[]>();
  /** The same changes by action (ids are unique across plans), for what one action's history tells. */
  private readonly changesByAction = new Map<string, PlanChange[]>();
  private readonly live = new PubSub<Record<string, PlanChange>>({ eventEmitter: unboundedEmitter() });

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
    if (event.type === 'TextRedacted') this.indexByAction(changes);
    else if (change.actionId !== null) this.changesOfAction(change.actionId).push(change);
    void this.live.publish(topic(after.id), change);
  }

  /** Every change of the plan, oldest first; empty for an unknown plan. */
  of(planId: string): readonly PlanChange[] {
    return this.changesByPlan.get(planId) ?? [];
  }

  /** Every change of the action, oldest first; empty for an unknown action. */
  ofAction(actionId: string): readonly PlanChange[] {
    return this.changesByAction.get(actionId) ?? [];
  }

  /** A redaction rewrites earlier changes of the plan: its actions' lists are taken again. */
  private indexByAction(changes: readonly PlanChange[]): void {
    const ofActions = changes.filter((change) => change.actionId !== null);
    for (const change of ofActions) this.changesByAction.delete(change.actionId!);
    for (const change of ofActions) this.changesOfAction(change.actionId!).push(change);
  }

  private changesOfAction(actionId: string): PlanChange[] {
    let changes = this.changesByAction.get(actionId);
    if (!changes) this.changesByAction.set(actionId, (changes = []));
    return changes;
  }

  /** Changes of the plan from now on, as they are recorded. */
  subscribe(planId: string): AsyncIterableIterator<PlanChange> {
    return this.live.asyncIterableIterator<PlanChange>(topic(planId));
  }
}
