import { Injectable, type OnModuleInit } from '@nestjs/common';
import { redactionNotice } from '../../plans/domain/recorded-texts.js';
import { redactionBy } from '../../plans/domain/redaction.js';
import type { PlanEventApplied, PlanEventListener } from '../../plans/read-models/plan-event-applied.js';
import { PlanProjection } from '../../plans/read-models/plan-projection.js';
import { searchableTexts } from '../domain/searchable-texts.js';
import { PlanSearchIndex } from './plan-search-index.js';

/**
 * A search index per plan, kept up to date as the projection folds each event, so a search reads
 * no events and a text is findable as soon as the change that recorded it is answered. An erased
 * text is replaced by its redaction notice here as everywhere else.
 */
@Injectable()
export class PlanSearchIndexes implements PlanEventListener, OnModuleInit {
  private readonly byPlan = new Map<string, PlanSearchIndex>();

  constructor(private readonly projection: PlanProjection) {}

  onModuleInit(): void {
    this.projection.addListener(this);
  }

  onPlanEvent({ event, context, before, after }: PlanEventApplied): void {
    let index = this.byPlan.get(after.id);
    if (!index) {
      index = new PlanSearchIndex();
      this.byPlan.set(after.id, index);
    }
    if (event.type === 'TextRedacted') {
      const { eventId, field } = event.data;
      index.redact(eventId, field, redactionNotice(redactionBy(event, context)));
      return;
    }
    for (const text of searchableTexts(event, context, before, after)) index.add(text);
  }

  /** The plan's index; undefined for a plan never recorded. */
  of(planId: string): PlanSearchIndex | undefined {
    return this.byPlan.get(planId);
  }
}
