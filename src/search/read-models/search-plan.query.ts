import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { noSuchPlan } from '../../plans/domain/errors.js';
import { PlanProjection } from '../../plans/read-models/plan-projection.js';
import { hitLimit, searchQuery } from '../domain/search-query.js';
import { highlightsOf, type TextSpan } from '../domain/search-rank.js';
import type { IndexedText } from './plan-search-index.js';
import { PlanSearchIndexes } from './plan-search-indexes.js';

/** A text that answers the search, with where the query's words show in it. */
export interface SearchHit extends IndexedText {
  readonly highlights: readonly TextSpan[];
}

export interface PlanSearchResult {
  /** Every text that answers the search; `hits` holds the best `first` of them. */
  readonly totalCount: number;
  readonly hits: readonly SearchHit[];
}

export class SearchPlan extends Query<PlanSearchResult> {
  constructor(
    readonly planId: string,
    readonly text: string,
    readonly first: number,
  ) {
    super();
  }
}

@QueryHandler(SearchPlan)
export class SearchPlanHandler implements IQueryHandler<SearchPlan> {
  constructor(
    private readonly projection: PlanProjection,
    private readonly indexes: PlanSearchIndexes,
  ) {}

  async execute({ planId, text, first }: SearchPlan): Promise<PlanSearchResult> {
    if (!this.projection.readModel.plan(planId)) throw noSuchPlan();
    const { words } = searchQuery(text);
    const found = this.indexes.of(planId)?.search(words, hitLimit(first));
    const hits = (found?.texts ?? []).map((hit) => ({ ...hit, highlights: highlightsOf(hit.text, words) }));
    return { totalCount: found?.totalCount ?? 0, hits };
  }
}
