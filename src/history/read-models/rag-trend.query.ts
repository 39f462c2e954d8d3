import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { activeActions } from '../../plans/domain/plan.js';
import { summariseRag, type RagSummary } from '../../plans/domain/rag.js';
import { PlanReads } from '../../plans/read-models/plan-reads.js';
import { trendInstants, type TrendInterval } from '../domain/rag-trend.js';

export type RagSummaryAt = RagSummary & { readonly at: string };

/** RAG counts at regular instants, by replaying the plan: the series behind a trend chart. */
export class GetRagTrend extends Query<RagSummaryAt[]> {
  constructor(
    readonly planId: string,
    readonly from: Date,
    readonly to: Date,
    readonly interval: TrendInterval,
  ) {
    super();
  }
}

@QueryHandler(GetRagTrend)
export class GetRagTrendHandler implements IQueryHandler<GetRagTrend> {
  constructor(private readonly reads: PlanReads) {}

  async execute({ planId, from, to, interval }: GetRagTrend): Promise<RagSummaryAt[]> {
    const { timeline } = await this.reads.loaded(planId);
    return trendInstants(from, to, interval).map((at) => {
      const plan = timeline.stateAt(at);
      // Before the plan existed there was nothing to count.
      const summary = summariseRag(plan ? activeActions(plan).map((action) => action.rag) : []);
      return { ...summary, at: at.toISOString() };
    });
  }
}
