import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { invalid, notFound } from '../../plans/domain/errors.js';
import { endOfUkDay } from '../../plans/domain/plan-date.js';
import type { BoardMeeting, Plan } from '../../plans/domain/plan.js';
import { PlanProjection } from '../../plans/read-models/plan-projection.js';
import { PlanTimelines } from '../../plans/read-models/plan-timelines.js';
import { CLOCK, type Clock } from '../../shared/clock.js';
import type { PlanChange } from '../domain/plan-change.js';
import { diffPlans, type PlanDiff } from '../domain/plan-diff.js';
import { ChangeLog } from './change-log.js';

export interface PlanChangesBetween {
  readonly planId: string;
  readonly since: string;
  readonly until: string;
  readonly sinceBoardMeeting: BoardMeeting | null;
  readonly diff: PlanDiff;
  /** Every change recorded after `since`, up to and including `until`. */
  readonly changes: PlanChange[];
}

/** "What changed since the last board?": since defaults to the latest board meeting before `until`. */
export class GetPlanChanges extends Query<PlanChangesBetween> {
  constructor(
    readonly planId: string,
    readonly since?: Date,
    readonly sinceBoardMeetingId?: string,
    readonly until?: Date,
  ) {
    super();
  }
}

@QueryHandler(GetPlanChanges)
export class GetPlanChangesHandler implements IQueryHandler<GetPlanChanges> {
  constructor(
    private readonly projection: PlanProjection,
    private readonly timelines: PlanTimelines,
    private readonly changeLog: ChangeLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(query: GetPlanChanges): Promise<PlanChangesBetween> {
    const current = this.projection.readModel.plan(query.planId);
    const timeline = this.timelines.of(query.planId);
    if (!current || !timeline) throw notFound('planId', 'No improvement plan has that id');
    const until = query.until ?? this.clock();
    const { since, meeting } = startOfPeriod(current, query, until);
    if (since > until) throw invalid('since', 'since must not be after until');
    const after = timeline.stateAt(until);
    if (!after) throw notFound('until', `The plan did not exist yet at ${until.toISOString()}`);
    const changes = this.changeLog.of(query.planId).filter((change) => {
      const at = Date.parse(change.recordedAt);
      return at > since.getTime() && at <= until.getTime();
    });
    return {
      planId: current.id,
      since: since.toISOString(),
      until: until.toISOString(),
      sinceBoardMeeting: meeting ?? null,
      diff: diffPlans(timeline.stateAt(since), after, changes),
      changes,
    };
  }
}

function startOfPeriod(
  plan: Plan,
  query: GetPlanChanges,
  until: Date,
): { since: Date; meeting?: BoardMeeting } {
  if (query.since && query.sinceBoardMeetingId) {
    throw invalid('sinceBoardMeeting', 'Give either since or sinceBoardMeeting, not both');
  }
  if (query.since) return { since: query.since };
  const meeting = query.sinceBoardMeetingId
    ? plan.boardMeetings.find((candidate) => candidate.id === query.sinceBoardMeetingId)
    : plan.boardMeetings.filter((candidate) => endOfUkDay(candidate.heldOn) <= until).at(-1);
  if (query.sinceBoardMeetingId && !meeting) {
    throw notFound('sinceBoardMeeting', 'The plan has no board meeting with that id');
  }
  if (!meeting) throw invalid('since', 'The plan has no board meeting before then: give since');
  return { since: endOfUkDay(meeting.heldOn), meeting };
}
