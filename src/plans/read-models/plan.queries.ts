import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Action, Plan } from '../domain/plan.js';
import { PlanProjection } from './plan-projection.js';

export class GetPlans extends Query<Plan[]> {}

export class GetPlan extends Query<Plan | undefined> {
  constructor(readonly planId: string) {
    super();
  }
}

export class GetAction extends Query<Action | undefined> {
  constructor(readonly actionId: string) {
    super();
  }
}

@QueryHandler(GetPlans)
export class GetPlansHandler implements IQueryHandler<GetPlans> {
  constructor(private readonly projection: PlanProjection) {}
  async execute(): Promise<Plan[]> {
    return this.projection.readModel.allPlans();
  }
}

@QueryHandler(GetPlan)
export class GetPlanHandler implements IQueryHandler<GetPlan> {
  constructor(private readonly projection: PlanProjection) {}
  async execute({ planId }: GetPlan): Promise<Plan | undefined> {
    return this.projection.readModel.plan(planId);
  }
}

@QueryHandler(GetAction)
export class GetActionHandler implements IQueryHandler<GetAction> {
  constructor(private readonly projection: PlanProjection) {}
  async execute({ actionId }: GetAction): Promise<Action | undefined> {
    return this.projection.readModel.action(actionId);
  }
}
