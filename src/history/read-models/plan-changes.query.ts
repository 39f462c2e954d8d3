import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { invalid, notFound } from '../../plans/domain/errors.js';
import { endOfUkDay } from '../../plans/domain/plan-date.js';
import {
  boardMeetingPoint,
  justBeforeCreation,
  notAfterNow,
  previousBoardMeeting,
} from '../../plans/domain/point-in-time.js';
import type { BoardMeeting, Plan } from '../../plans/domain/plan.js';
import { PlanReads } from '../../plans/read-models/plan-reads.js';
import { CLOCK, type Clock } from '../../shared/clock.js';
import type { PlanChange } from '../domain/plan-change.js';
import { diffPlans, type PlanDiff } from '../domain/plan-diff.js';
import { CHANGE_LOG } from './plan-change-log.js';

export interface PlanChangesBetween {
  readonly planId: string;
  readonly since: string;
  readonly until: string;
  readonly sinceBoardMeeting: BoardMeeting | null;
  readonly diff: PlanDiff;
  /** Every change recorded after `since`, up to and including `until`. */
  readonly changes: PlanChange[];
}

/** One end of the period: an instant, a board meeting (end of its UK day), or neither. */
export interface PeriodEnd {
  readonly instant?: Date;
  readonly boardMeetingId?: string;
}

/**
 * "What changed since the last board?": since defaults to the latest board meeting whose day had
 * ended by `until`, else the plan's creation. Neither end may be later than now.
 */
export class GetPlanChanges extends Query<PlanChangesBetween> {
  constructor(
    readonly planId: string,
    readonly since: PeriodEnd,
    readonly until: PeriodEnd,
  ) {
    super();
  }
}

@QueryHandler(GetPlanChanges)
export class GetPlanChangesHandler implements IQueryHandler<GetPlanChanges> {
  constructor(
    private readonly reads: PlanReads,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(query: GetPlanChanges): Promise<PlanChangesBetween> {
    const loaded = await this.reads.loaded(query.planId);
    const { plan: current, timeline } = loaded;
    const now = this.clock();
    const until = endOf(current, query.until, 'until', now) ?? now;
    const given = endOf(current, query.since, 'since', now);
    if (given && given > until) {
      throw invalid(
        query.since.boardMeetingId ? 'sinceBoardMeeting' : 'since',
        'The period must not start after it ends',
      );
    }
    const after = timeline.stateAt(until);
    if (!after) throw notFound('until', `The plan did not exist yet at ${until.toISOString()}`);
    // The default "last board" is the latest one the plan knew of at `until`.
    const { since, meeting } = given
      ? { since: given, meeting: current.boardMeetings.find((one) => one.id === query.since.boardMeetingId) }
      : latestBoardMeeting(after, until);
    const changes = loaded
      .part(CHANGE_LOG)
      .all()
      .filter((change) => {
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

/** One end of the period as an instant no later than now (a meeting held today stands for now). */
function endOf(plan: Plan, end: PeriodEnd, argument: 'since' | 'until', now: Date): Date | undefined {
  if (end.instant && end.boardMeetingId) {
    throw invalid(`${argument}BoardMeeting`, `Give either ${argument} or ${argument}BoardMeeting, not both`);
  }
  if (end.instant) return notAfterNow(end.instant, now, argument);
  if (!end.boardMeetingId) return undefined;
  const meeting = plan.boardMeetings.find((candidate) => candidate.id === end.boardMeetingId);
  if (!meeting) throw notFound(`${argument}BoardMeeting`, 'The plan has no board meeting with that id');
  return boardMeetingPoint(meeting.heldOn, now);
}

/**
 * The latest board meeting whose day had ended by `until`; with none, the plan's creation, as the
 * board pack does ("since the plan was created").
 */
function latestBoardMeeting(plan: Plan, until: Date): { since: Date; meeting?: BoardMeeting } {
  const meeting = previousBoardMeeting(plan.boardMeetings, until);
  if (!meeting) return { since: justBeforeCreation(plan.createdAt) };
  return { since: endOfUkDay(meeting.heldOn), meeting };
}
