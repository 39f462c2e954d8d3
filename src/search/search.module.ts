import { Module } from '@nestjs/common';
import { PlansModule } from '../plans/plans.module.js';
import { SearchResolver } from './graphql/search.resolver.js';
import { PlanSearchIndexes } from './read-models/plan-search-indexes.js';
import { SearchPlanHandler } from './read-models/search-plan.query.js';

/** Search within a plan: its notes, descriptions, reasons and theme titles, from an index kept as events fold. */
@Module({
  imports: [PlansModule],
  providers: [PlanSearchIndexes, SearchPlanHandler, SearchResolver],
})
export class SearchModule {}
