import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { activeActions, type Action } from '../../plans/domain/plan.js';
import type { RagStatus } from '../../plans/domain/rag.js';
import { PlanReads } from '../../plans/read-models/plan-reads.js';

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
  constructor(private readonly reads: PlanReads) {}

  async execute({ planId, rag, on }: GetActionsWithRag): Promise<Action[]> {
    const plan = await this.reads.at(planId, { instant: on, argument: 'on' });
    return activeActions(plan).filter((action) => action.rag === rag);
  }
}
