import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
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
  constructor(private readonly changeLog: ChangeLog) {}

  async execute({ actionId }: GetActionHistory): Promise<PlanChange[]> {
    return [...(await this.changeLog.ofAction(actionId))];
  }
}
