import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Action } from '../../plans/domain/plan.js';
import { slippageOf, type Slippage } from '../domain/slippage.js';
import { ChangeLog } from './change-log.js';

/** How far an action (now, or as it was at a point in time) has slipped from its original dates. */
export class GetActionSlippage extends Query<Slippage> {
  constructor(readonly action: Action) {
    super();
  }
}

@QueryHandler(GetActionSlippage)
export class GetActionSlippageHandler implements IQueryHandler<GetActionSlippage> {
  constructor(private readonly changeLog: ChangeLog) {}

  async execute({ action }: GetActionSlippage): Promise<Slippage> {
    return slippageOf(action, await this.changeLog.ofActionIn(action.planId, action.id));
  }
}
