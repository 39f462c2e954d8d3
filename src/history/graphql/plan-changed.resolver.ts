import { Args, ID, Resolver, Subscription } from '@nestjs/graphql';
import { Allow } from '../../auth/allow.decorator.js';
import type { PlanChange as Change } from '../domain/plan-change.js';
import { ChangeLog } from '../read-models/change-log.js';
import { PlanChange } from './history.types.js';

@Resolver()
export class PlanChangedResolver {
  constructor(private readonly changeLog: ChangeLog) {}

  @Allow('read', { plan: 'planId' })
  @Subscription(() => PlanChange, {
    description: 'Each change of the plan as it is recorded (graphql-ws on /graphql).',
    resolve: (change: Change) => change,
  })
  planChanged(@Args('planId', { type: () => ID }) planId: string): Promise<AsyncIterableIterator<Change>> {
    return this.changeLog.subscribe(planId);
  }
}
