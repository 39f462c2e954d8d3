import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { GetAuditTrailHead } from '../audit/audit-trail-head.query.js';
import { GetPlanChanges, type PeriodEnd } from '../history/read-models/plan-changes.query.js';
import { GetRagTrend } from '../history/read-models/rag-trend.query.js';
import { invalid, notFound } from '../plans/domain/errors.js';
import { boardMeetingPoint, notAfterNow, previousBoardMeeting } from '../plans/domain/point-in-time.js';
import type { BoardMeeting, Plan } from '../plans/domain/plan.js';
import { PlanReads } from '../plans/read-models/plan-reads.js';
import { CLOCK, type Clock } from '../shared/clock.js';
import { buildBoardPack, type BoardPack } from './domain/board-pack.js';
import { assertStaleAfterDays, DEFAULT_STALE_AFTER_DAYS } from './domain/stale.js';

/** Which board pack: as at an instant, or for a board meeting (the end of its UK day); default now. */
export interface BoardPackRequest {
  readonly planId: string;
  readonly asOf?: Date;
  readonly boardMeetingId?: string;
  readonly staleAfterDays?: number;
}

export class GetBoardPack extends Query<BoardPack> {
  constructor(readonly request: BoardPackRequest) {
    super();
  }
}

/**
 * Assembles a board pack from the read models, through the same queries the API answers (the plan
 * at a point in time, what changed since, the RAG trend), so the pack cannot disagree with them.
 */
@QueryHandler(GetBoardPack)
export class GetBoardPackHandler implements IQueryHandler<GetBoardPack> {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly reads: PlanReads,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ request }: GetBoardPack): Promise<BoardPack> {
    const staleAfterDays = request.staleAfterDays ?? DEFAULT_STALE_AFTER_DAYS;
    assertStaleAfterDays(staleAfterDays);
    if (request.asOf && request.boardMeetingId) {
      throw invalid('boardMeeting', 'Give either asOf or boardMeeting, not both');
    }
    const current = await this.reads.current(request.planId);
    const { asAt, boardMeeting, isCurrent } = this.pointOfPack(current, request);
    const plan = await this.reads.at(current.id, { instant: asAt, argument: 'asOf' });
    const since = startOfPeriod(current, plan, asAt, boardMeeting);
    const changes = await this.queryBus.execute(new GetPlanChanges(current.id, since, { instant: asAt }));
    const trend = await this.queryBus.execute(
      new GetRagTrend(current.id, new Date(current.createdAt), asAt, 'MONTH'),
    );
    const auditTrailHead = await this.queryBus.execute(new GetAuditTrailHead(current.id, plan.version));
    return buildBoardPack({
      plan,
      asAt,
      isCurrent,
      auditTrailHead,
      boardMeeting,
      changes,
      trend,
      staleAfterDays,
    });
  }

  /** A board meeting stands for the end of its UK day (now, if held today); a future asOf is refused. */
  private pointOfPack(
    current: Plan,
    request: BoardPackRequest,
  ): { asAt: Date; boardMeeting: BoardMeeting | null; isCurrent: boolean } {
    const now = this.clock();
    const isCurrent = (asAt: Date) => asAt.getTime() === now.getTime();
    if (request.boardMeetingId === undefined) {
      const asAt = request.asOf ? notAfterNow(request.asOf, now) : now;
      return { asAt, boardMeeting: null, isCurrent: isCurrent(asAt) };
    }
    const meeting = current.boardMeetings.find((candidate) => candidate.id === request.boardMeetingId);
    if (!meeting) throw notFound('boardMeeting', 'The plan has no board meeting with that id');
    const asAt = boardMeetingPoint(meeting.heldOn, now);
    return { asAt, boardMeeting: meeting, isCurrent: isCurrent(asAt) };
  }
}

/**
 * "What changed since the last board": for a board meeting, since the meeting before it (by the
 * day held); otherwise since the latest meeting whose day had ended by then. With no such meeting,
 * since the plan as first recorded: the period starts at the instant the plan was created, which
 * includes everything recorded with it. An import records the whole document in that one append,
 * so the first pack of an imported plan compares with the plan as imported, not with nothing; a plan
 * built by hand starts empty, and everything added to it shows as new.
 */
function startOfPeriod(
  current: Plan,
  planThen: Plan,
  asAt: Date,
  boardMeeting: BoardMeeting | null,
): PeriodEnd {
  const previous = boardMeeting
    ? previousBoardMeeting(current.boardMeetings, asAt, boardMeeting)
    : previousBoardMeeting(planThen.boardMeetings, asAt);
  if (previous) return { boardMeetingId: previous.id };
  return { instant: new Date(current.createdAt) };
}
