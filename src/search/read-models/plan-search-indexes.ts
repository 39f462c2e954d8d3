import { Injectable, type OnModuleInit } from '@nestjs/common';
import { redactionNotice } from '../../plans/domain/recorded-texts.js';
import { redactionBy } from '../../plans/domain/redaction.js';
import type { PlanEventApplied } from '../../plans/read-models/plan-event-applied.js';
import { planPart, type PlanPartModel } from '../../plans/read-models/plan-part.js';
import { PlanReads } from '../../plans/read-models/plan-reads.js';
import { searchableTexts } from '../domain/searchable-texts.js';
import { PlanSearchIndex } from './plan-search-index.js';

/**
 * A plan's search index as a part of the plan in memory, kept up to date as each event is folded,
 * so a search reads no events and a text is findable as soon as the change that recorded it is
 * answered. An erased text is replaced by its redaction notice here as everywhere else.
 */
export class FoldedSearchIndex implements PlanPartModel {
  readonly index = new PlanSearchIndex();

  onPlanEvent({ event, context, before, after }: PlanEventApplied): void {
    if (event.type === 'TextRedacted') {
      const { eventId, field } = event.data;
      this.index.redact(eventId, field, redactionNotice(redactionBy(event, context)));
      return;
    }
    for (const text of searchableTexts(event, context, before, after)) this.index.add(text);
  }
}

export const SEARCH_INDEX = planPart('search index', () => new FoldedSearchIndex());

/** The search index of every plan, through the plan door. */
@Injectable()
export class PlanSearchIndexes implements OnModuleInit {
  constructor(private readonly reads: PlanReads) {}

  onModuleInit(): void {
    // Built from the plan's stream on its first search: most plans read are never searched.
    this.reads.addPart(SEARCH_INDEX, { whenAsked: true });
  }

  /** The plan's index; NOT_FOUND for an unknown plan. */
  async of(planId: string): Promise<PlanSearchIndex> {
    return (await this.reads.part(planId, SEARCH_INDEX)).index;
  }
}
