import { QueryBus } from '@nestjs/cqrs';
import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { Allow } from '../../auth/allow.decorator.js';
import { MAX_HITS, MAX_QUERY_LENGTH } from '../domain/search-query.js';
import { SearchPlan } from '../read-models/search-plan.query.js';
import { PlanSearchResult } from './search.types.js';

@Resolver()
export class SearchResolver {
  constructor(private readonly queryBus: QueryBus) {}

  @Allow('read', { plan: 'planId' })
  @Query(() => PlanSearchResult, {
    description:
      'Finds the plan’s action descriptions (current and earlier), progress notes, reasons for changes and ' +
      'theme titles that hold every word of `text`, ignoring case and accents; a word also finds the words ' +
      'it starts ("safeguard" finds "safeguarding"). Best first: a whole word scores above the start of one, ' +
      'and the words together in order score higher still; newest first among equals. An erased text is ' +
      `found only by its redaction notice. text: 1 to ${MAX_QUERY_LENGTH} characters; first: 1 to ${MAX_HITS}.`,
  })
  async searchPlan(
    @Args('planId', { type: () => ID }) planId: string,
    @Args('text') text: string,
    @Args('first', { type: () => Int, defaultValue: 20 }) first = 20,
  ): Promise<PlanSearchResult> {
    const { totalCount, hits } = await this.queryBus.execute(new SearchPlan(planId, text, first));
    return {
      totalCount,
      // A theme title is no free text of a change: redaction has no field for it.
      hits: hits.map((hit) => ({ ...hit, field: hit.field === 'title' ? null : hit.field })),
    };
  }
}
