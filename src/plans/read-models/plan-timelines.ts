import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { PlanEventApplied, PlanEventListener } from './plan-event-applied.js';
import { PlanProjection } from './plan-projection.js';
import { PlanTimeline } from './plan-timeline.js';

/** The timeline of every plan, fed by the projection: the read model behind time travel. */
@Injectable()
export class PlanTimelines implements PlanEventListener, OnModuleInit {
  private readonly timelines = new Map<string, PlanTimeline>();

  constructor(private readonly projection: PlanProjection) {}

  onModuleInit(): void {
    this.projection.addListener(this);
  }

  onPlanEvent(applied: PlanEventApplied): void {
    const planId = applied.after.id;
    let timeline = this.timelines.get(planId);
    if (!timeline) this.timelines.set(planId, (timeline = new PlanTimeline()));
    timeline.append(applied);
  }

  of(planId: string): PlanTimeline | undefined {
    return this.timelines.get(planId);
  }
}
