import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
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
  constructor(private readonly indexes: PlanSearchIndexes) {}

  async execute({ planId, text, first }: SearchPlan): Promise<PlanSearchResult> {
    const index = await this.indexes.of(planId);
    const { words } = searchQuery(text);
    const found = index.search(words, hitLimit(first));
    const hits = found.texts.map((hit) => ({ ...hit, highlights: highlightsOf(hit.text, words) }));
    return { totalCount: found.totalCount, hits };
  }
}
