import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Action, Plan } from '../domain/plan.js';
import { PlanProjection } from './plan-projection.js';
import { PlanAtResolver, type PlanAt, type PointInTime } from './point-in-time.js';

export class GetPlans extends Query<Plan[]> {}

/** A plan now, or as recorded at a point in time; with effectiveOn, as it stood in effect on that day. */
export class GetPlan extends Query<PlanAt | undefined> {
  constructor(
    readonly planId: string,
    readonly at?: PointInTime,
    readonly effectiveOn?: string,
  ) {
    super();
  }
}

/** An action now, or as recorded at an instant. */
export class GetAction extends Query<Action | undefined> {
  constructor(
    readonly actionId: string,
    readonly at?: PointInTime,
  ) {
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
  constructor(private readonly planAt: PlanAtResolver) {}
  async execute({ planId, at, effectiveOn }: GetPlan): Promise<PlanAt | undefined> {
    return this.planAt.resolve(planId, at, effectiveOn);
  }
}

@QueryHandler(GetAction)
export class GetActionHandler implements IQueryHandler<GetAction> {
  constructor(
    private readonly projection: PlanProjection,
    private readonly planAt: PlanAtResolver,
  ) {}

  async execute({ actionId, at }: GetAction): Promise<Action | undefined> {
    const planId = this.projection.readModel.planIdOfAction(actionId);
    if (planId === undefined) return undefined;
    return this.planAt.actionAt(planId, actionId, at);
  }
}
