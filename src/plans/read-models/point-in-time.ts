import { Injectable } from '@nestjs/common';
import { notFound } from '../domain/errors.js';
import { endOfUkDay } from '../domain/plan-date.js';
import type { Action, Plan } from '../domain/plan.js';
import { PlanProjection } from './plan-projection.js';
import type { PlanTimeline } from './plan-timeline.js';
import { PlanTimelines } from './plan-timelines.js';

/**
 * A point in transaction time: an instant (inclusive), a plan version (events recorded), or a
 * board meeting, which stands for the end of the UK day it was held.
 */
export type PointInTime =
  | { readonly instant: Date; readonly argument?: string }
  | { readonly version: number }
  | { readonly boardMeetingId: string };

/** A plan as recorded at a point in time; asOf is null for the current state. */
export type PlanAt = Plan & { readonly asOf: string | null };

@Injectable()
export class PlanAtResolver {
  constructor(
    private readonly projection: PlanProjection,
    private readonly timelines: PlanTimelines,
  ) {}

  /** Undefined for an unknown plan; NOT_FOUND when the plan did not exist yet at that point. */
  resolve(planId: string, at: PointInTime | undefined): PlanAt | undefined {
    const current = this.projection.readModel.plan(planId);
    const timeline = this.timelines.of(planId);
    if (!current || !timeline) return undefined;
    if (!at) return { ...current, asOf: null };
    const { version, asOf, field } = locate(current, timeline, at);
    const plan = timeline.stateAtVersion(version);
    if (!plan) throw notFound(field, `The plan did not exist yet at ${asOf}`);
    return { ...plan, asOf };
  }

  actionAt(planId: string, actionId: string, at: PointInTime | undefined): Action | undefined {
    const plan = this.resolve(planId, at);
    const action = plan?.actions.get(actionId);
    if (plan && !action) throw notFound('asOf', `The action did not exist yet at ${plan.asOf}`);
    return action;
  }
}

function locate(current: Plan, timeline: PlanTimeline, at: PointInTime) {
  if ('version' in at) {
    // Versions count from 1 (the plan's creation); later than the current one means now.
    const version = Math.min(Math.max(at.version, 1), current.version);
    return { version, asOf: timeline.recordedAtOf(version), field: 'asOfVersion' };
  }
  if ('instant' in at) {
    const field = at.argument ?? 'asOf';
    return { version: timeline.versionAt(at.instant), asOf: at.instant.toISOString(), field };
  }
  const meeting = current.boardMeetings.find((candidate) => candidate.id === at.boardMeetingId);
  if (!meeting) throw notFound('asOfBoardMeeting', 'The plan has no board meeting with that id');
  const end = endOfUkDay(meeting.heldOn);
  return { version: timeline.versionAt(end), asOf: end.toISOString(), field: 'asOfBoardMeeting' };
}
