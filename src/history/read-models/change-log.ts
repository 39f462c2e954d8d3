import { EventEmitter } from 'node:events';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { PubSub } from 'graphql-subscriptions';
import { PlanReads } from '../../plans/read-models/plan-reads.js';
import type { PlanChange } from '../domain/plan-change.js';
import { CHANGE_LOG } from './plan-change-log.js';

const topic = (planId: string) => `planChanged:${planId}`;

/** One listener per live subscription to a plan: the live limits bound them, not Node's warning at 10. */
function unboundedEmitter(): EventEmitter {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return emitter;
}

/**
 * The audit history of a plan (a part of every plan loaded, see plan-change-log.ts), through the
 * plan door, and each change pushed live to the plan's subscribers as the store's tail folds it.
 */
@Injectable()
export class ChangeLog implements OnModuleInit {
  private readonly live = new PubSub<Record<string, PlanChange>>({ eventEmitter: unboundedEmitter() });

  constructor(private readonly reads: PlanReads) {}

  onModuleInit(): void {
    this.reads.addPart(CHANGE_LOG);
    this.reads.onLiveEvent((applied, loaded) => {
      const change = loaded.part(CHANGE_LOG).latest();
      if (change) void this.live.publish(topic(applied.after.id), change);
    });
  }

  /** Every change of the plan, oldest first; NOT_FOUND for an unknown plan. */
  async of(planId: string, field?: string): Promise<readonly PlanChange[]> {
    return (await this.reads.loaded(planId, field)).part(CHANGE_LOG).all();
  }

  /** Every change of the action, oldest first; NOT_FOUND for an unknown action. */
  async ofAction(actionId: string, field?: string): Promise<readonly PlanChange[]> {
    return this.ofActionIn(await this.reads.planOfAction(actionId, field), actionId);
  }

  /** As ofAction, for an action whose plan the caller knows. */
  async ofActionIn(planId: string, actionId: string): Promise<readonly PlanChange[]> {
    return (await this.reads.loaded(planId)).part(CHANGE_LOG).ofAction(actionId);
  }

  /**
   * Changes of the plan from now on, as they are recorded; NOT_FOUND for an unknown plan. The plan
   * stays in memory while someone watches it, so no change passes by unseen.
   */
  async subscribe(planId: string): Promise<AsyncIterableIterator<PlanChange>> {
    const release = await this.reads.watch(planId);
    const changes = this.live.asyncIterableIterator<PlanChange>(topic(planId));
    const finish = changes.return?.bind(changes);
    changes.return = () => {
      release();
      return finish ? finish() : Promise.resolve({ done: true, value: undefined });
    };
    return changes;
  }
}
