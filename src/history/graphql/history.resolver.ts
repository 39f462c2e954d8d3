import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { Allow } from '../../auth/allow.decorator.js';
import { QueryBus } from '@nestjs/cqrs';
import type { Action } from '../../plans/domain/plan.js';
import type { RagStatus } from '../../plans/domain/rag.js';
import { ImprovementAction } from '../../plans/graphql/action.types.js';
import { RagStatusEnum } from '../../plans/graphql/enums.js';
import { DateTimeScalar } from '../../plans/graphql/scalars.js';
import type { PlanChange as Change } from '../domain/plan-change.js';
import type { TrendInterval } from '../domain/rag-trend.js';
import { GetActionHistory } from '../read-models/action-history.query.js';
import { GetActionsWithRag } from '../read-models/actions-with-rag.query.js';
import { GetPlanChanges, type PlanChangesBetween } from '../read-models/plan-changes.query.js';
import type { PlanDiff as DiffOfPlans } from '../domain/plan-diff.js';
import { cursorOf, GetPlanHistory } from '../read-models/plan-history.query.js';
import { GetRagTrend, type RagSummaryAt as SummaryAt } from '../read-models/rag-trend.query.js';
import { PlanHistoryFilter } from './history.inputs.js';
import {
  PlanChange,
  PlanChangeConnection,
  PlanDiff,
  RagSummaryAt,
  TrendIntervalEnum,
} from './history.types.js';
import { SlippedActions } from './slippage.types.js';

const instant = (value: string | null | undefined) => (value ? new Date(value) : undefined);

@Resolver()
export class HistoryResolver {
  constructor(private readonly queryBus: QueryBus) {}

  @Allow('read', { action: 'actionId' })
  @Query(() => [PlanChange], { description: 'Every change of an action, oldest first.' })
  actionHistory(@Args('actionId', { type: () => ID }) actionId: string): Promise<Change[]> {
    return this.queryBus.execute(new GetActionHistory(actionId));
  }

  @Allow('read', { plan: 'planId' })
  @Query(() => PlanChangeConnection, {
    description: 'The plan’s audit history, oldest first, filtered and paged.',
  })
  async planHistory(
    @Args('planId', { type: () => ID }) planId: string,
    @Args('filter', { type: () => PlanHistoryFilter, nullable: true }) filter?: PlanHistoryFilter | null,
    @Args('first', { type: () => Int, defaultValue: 50 }) first = 50,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ): Promise<PlanChangeConnection> {
    const criteria = {
      from: instant(filter?.from),
      to: instant(filter?.to),
      effectiveFrom: filter?.effectiveFrom ?? undefined,
      effectiveTo: filter?.effectiveTo ?? undefined,
      actionId: filter?.actionId ?? undefined,
      actor: filter?.actor ?? undefined,
      kinds: filter?.kinds ?? undefined,
      ragFrom: filter?.ragFrom ?? undefined,
      ragTo: filter?.ragTo ?? undefined,
    };
    const page = await this.queryBus.execute(new GetPlanHistory(planId, criteria, first, after ?? undefined));
    const edges = page.changes.map((node) => ({ cursor: cursorOf(node), node }));
    return {
      edges,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount: page.totalCount,
    };
  }

  @Allow('read', { plan: 'planId' })
  @Query(() => PlanDiff, {
    description:
      'What changed between two instants or board meetings (a meeting stands for the end of its UK day). ' +
      'Without since or sinceBoardMeeting: since the latest board meeting whose day has ended, else since ' +
      'the plan was created. A meeting held today stands for now; neither end may be in the future.',
  })
  async planChanges(
    @Args('planId', { type: () => ID }) planId: string,
    @Args('since', { type: () => DateTimeScalar, nullable: true }) since?: string | null,
    @Args('sinceBoardMeeting', { type: () => ID, nullable: true }) sinceBoardMeeting?: string | null,
    @Args('until', { type: () => DateTimeScalar, nullable: true, description: 'Default: now.' })
    until?: string | null,
    @Args('untilBoardMeeting', { type: () => ID, nullable: true }) untilBoardMeeting?: string | null,
  ): Promise<Omit<PlanChangesBetween, 'diff'> & DiffOfPlans> {
    const start = { instant: instant(since), boardMeetingId: sinceBoardMeeting ?? undefined };
    const end = { instant: instant(until), boardMeetingId: untilBoardMeeting ?? undefined };
    const { diff, ...period } = await this.queryBus.execute(new GetPlanChanges(planId, start, end));
    return { ...period, ...diff };
  }

  @Allow('read', { plan: 'planId' })
  @Query(() => SlippedActions, {
    description:
      'Actions rescheduled since an instant or a board meeting (the end of its UK day), up to now, with ' +
      'each reschedule: the dates before and after, who, when and why. Without since or ' +
      'sinceBoardMeeting: from the same start as planChanges (the latest board meeting whose day has ended).',
  })
  async slippedActions(
    @Args('planId', { type: () => ID }) planId: string,
    @Args('since', { type: () => DateTimeScalar, nullable: true }) since?: string | null,
    @Args('sinceBoardMeeting', { type: () => ID, nullable: true }) sinceBoardMeeting?: string | null,
  ): Promise<Omit<SlippedActions, 'actions'> & { actions: DiffOfPlans['slippedActions'] }> {
    const start = { instant: instant(since), boardMeetingId: sinceBoardMeeting ?? undefined };
    const period = await this.queryBus.execute(new GetPlanChanges(planId, start, {}));
    const { since: from, until, sinceBoardMeeting: meeting, diff } = period;
    return {
      planId: period.planId,
      since: from,
      until,
      sinceBoardMeeting: meeting,
      actions: diff.slippedActions,
    };
  }

  @Allow('read', { plan: 'planId' })
  @Query(() => [RagSummaryAt], { description: 'RAG counts at each interval from `from` to `to`, by replay.' })
  ragTrend(
    @Args('planId', { type: () => ID }) planId: string,
    @Args('from', { type: () => DateTimeScalar }) from: string,
    @Args('to', { type: () => DateTimeScalar }) to: string,
    @Args('interval', { type: () => TrendIntervalEnum }) interval: TrendInterval,
  ): Promise<SummaryAt[]> {
    return this.queryBus.execute(new GetRagTrend(planId, new Date(from), new Date(to), interval));
  }

  @Allow('read', { plan: 'planId' })
  @Query(() => [ImprovementAction], {
    description: 'Actions that had this RAG status at that instant (JQL WAS).',
  })
  actionsWithRag(
    @Args('planId', { type: () => ID }) planId: string,
    @Args('rag', { type: () => RagStatusEnum }) rag: RagStatus,
    @Args('on', { type: () => DateTimeScalar }) on: string,
  ): Promise<Action[]> {
    return this.queryBus.execute(new GetActionsWithRag(planId, rag, new Date(on)));
  }
}
