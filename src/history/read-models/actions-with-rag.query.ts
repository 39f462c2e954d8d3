import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { noSuchPlan } from '../../plans/domain/errors.js';
import { activeActions, type Action } from '../../plans/domain/plan.js';
import type { RagStatus } from '../../plans/domain/rag.js';
import { PlanAtResolver } from '../../plans/read-models/point-in-time.js';

/** JQL's "status WAS": the actions that had this RAG status at that instant. */
export class GetActionsWithRag extends Query<Action[]> {
  constructor(
    readonly planId: string,
    readonly rag: RagStatus,
    readonly on: Date,
  ) {
    super();
  }
}

@QueryHandler(GetActionsWithRag)
export class GetActionsWithRagHandler implements IQueryHandler<GetActionsWithRag> {
  constructor(private readonly planAt: PlanAtResolver) {}

  async execute({ planId, rag, on }: GetActionsWithRag): Promise<Action[]> {
    const plan = this.planAt.resolve(planId, { instant: on, argument: 'on' });
    if (!plan) throw noSuchPlan();
    return activeActions(plan).filter((action) => action.rag === rag);
  }
}
