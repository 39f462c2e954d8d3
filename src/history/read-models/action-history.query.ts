import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { notFound } from '../../plans/domain/errors.js';
import { PlanProjection } from '../../plans/read-models/plan-projection.js';
import type { PlanChange } from '../domain/plan-change.js';
import { ChangeLog } from './change-log.js';

/** Every change of one action, oldest first, from the moment it was added. */
export class GetActionHistory extends Query<PlanChange[]> {
  constructor(readonly actionId: string) {
    super();
  }
}

@QueryHandler(GetActionHistory)
export class GetActionHistoryHandler implements IQueryHandler<GetActionHistory> {
  constructor(
    private readonly projection: PlanProjection,
    private readonly changeLog: ChangeLog,
  ) {}

  async execute({ actionId }: GetActionHistory): Promise<PlanChange[]> {
    const planId = this.projection.readModel.planIdOfAction(actionId);
    if (planId === undefined) throw notFound('actionId', 'No action has that id');
    return this.changeLog.of(planId).filter((change) => change.actionId === actionId);
  }
}
