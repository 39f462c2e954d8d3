import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../../auth/allow.decorator.js';
import { ukDate } from '../../plans/domain/plan-date.js';
import type { PageError } from '../web-graphql.js';
import { WebPages, type Visit } from '../web-pages.js';
import { asAtQuery, readAsAt, type AsAtFields, type AsAtRequest } from './as-at.js';
import type { FieldError } from './day-fields.js';
import { filterQuery, readFilters, type OverviewFilters } from './overview-filters.js';
import { overviewLinks, queryString } from './plan-overview.links.js';
import {
  PLAN_HEADING,
  PLAN_OVERVIEW,
  type PlanHeadingAnswer,
  type PlanOverviewAnswer,
} from './plan-overview.query.js';
import { boardMeetingOptions, overviewView } from './plan-overview.view.js';
import { ukDateTimeWords } from './uk-time.js';

type Query = Readonly<Record<string, unknown>>;

/** The API's arguments for the point asked for, and the UK day its overdue rule is judged on. */
interface Point {
  readonly asOf?: string;
  readonly asOfBoardMeeting?: string;
  readonly on?: string;
}

/** The point's arguments; or what was wrong with it, to show beside the form; or the API's refusal. */
type PointOutcome =
  | { readonly value: Point }
  | { readonly errors: readonly FieldError[] }
  | { readonly refusal: readonly PageError[] };

const AS_AT_ARGUMENTS = new Set(['asOf', 'asOfBoardMeeting']);

/**
 * A plan's overview: its RAG summary and actions by theme, filtered, now or as recorded at a past
 * point (AUDITOR, ADMIN). Everything comes from one GraphQL operation, so the same access rules
 * decide what a visitor may see; viewing now, the page updates live (live.js).
 */
@Public()
@Controller('plans')
export class PlanOverviewController {
  constructor(private readonly pages: WebPages) {}

  @Get(':planId')
  async overview(
    @Param('planId') planId: string,
    @Query() query: Query,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const visit = await this.pages.visit(request, reply);
    if (!visit) return;
    const filters = readFilters(query);
    const asAt = readAsAt(query, new Date());
    if (asAt.kind === 'invalid') return this.pointRefused(visit, planId, asAt.fields, filters, asAt.errors);
    const point = await this.pointOf(visit, planId, asAt);
    if ('refusal' in point) return this.pages.refuse(visit, [...point.refusal]);
    if ('errors' in point) return this.pointRefused(visit, planId, asAt.fields, filters, point.errors);
    const answer = await this.pages.ask<PlanOverviewAnswer>(visit, PLAN_OVERVIEW, {
      id: planId,
      ...point.value,
      rag: filters.rag,
      owner: filters.owner,
      themeId: filters.themeId,
      unassigned: filters.unassigned || null,
    });
    if (!answer.ok) {
      const atFault = answer.errors.find((error) => AS_AT_ARGUMENTS.has(error.field ?? ''));
      if (atFault && asAt.kind !== 'now') {
        return this.pointRefused(visit, planId, asAt.fields, filters, [pointError(atFault, asAt)]);
      }
      return this.pages.refuse(visit, answer.errors);
    }
    const { plan, now } = answer.data;
    if (!plan) return this.pages.refuse(visit, [{ code: 'NOT_FOUND', message: 'There is no such plan.' }]);
    const past = asAt.kind !== 'now';
    const asAtInstant = plan.asOf ? new Date(plan.asOf) : new Date();
    await this.pages.render(visit, 'plans/overview.njk', {
      plan,
      view: overviewView(plan, filters, asAtInstant),
      filters,
      asAt: {
        fields: asAt.fields,
        past,
        words: past && plan.asOf ? ukDateTimeWords(plan.asOf) : null,
        meeting: now?.boardMeetings.find((one) => asAt.kind === 'boardMeeting' && one.id === asAt.meetingId),
      },
      boardMeetings: boardMeetingOptions(now?.boardMeetings ?? []),
      mayTimeTravel: this.pages.may(visit, 'timeTravel'),
      keepFilters: filterQuery(filters),
      keepAsAt: asAtQuery(asAt.fields),
      planNowHref: `/plans/${plan.id}${queryString(filterQuery(filters))}`,
      clearFiltersHref: `/plans/${plan.id}${queryString(asAtQuery(asAt.fields))}`,
      links: overviewLinks(plan, past ? { asOf: plan.asOf, boardMeeting: point.value.asOfBoardMeeting } : {}),
    });
  }

  /** The point's API arguments; for a board meeting, its day is read first (overdue is judged then). */
  private async pointOf(
    visit: Visit,
    planId: string,
    asAt: Exclude<AsAtRequest, { kind: 'invalid' }>,
  ): Promise<PointOutcome> {
    if (asAt.kind === 'now') return { value: {} };
    if (asAt.kind === 'point') return { value: { asOf: asAt.asOf, on: asAt.day } };
    const heading = await this.pages.ask<PlanHeadingAnswer>(visit, PLAN_HEADING, { id: planId });
    if (!heading.ok) return { refusal: heading.errors };
    const meeting = heading.data.plan?.boardMeetings.find((one) => one.id === asAt.meetingId);
    if (!meeting) return { errors: [{ text: 'Choose a board meeting from the list', href: '#asAt-board' }] };
    const today = ukDate(new Date().toISOString());
    return { value: { asOfBoardMeeting: meeting.id, on: meeting.heldOn < today ? meeting.heldOn : today } };
  }

  /** The as-at control again, with what was wrong with the point asked for (status 400). */
  private async pointRefused(
    visit: Visit,
    planId: string,
    fields: AsAtFields,
    filters: OverviewFilters,
    errors: readonly FieldError[],
  ): Promise<void> {
    if (!this.pages.may(visit, 'timeTravel')) {
      return this.pages.refuse(visit, [
        { code: 'FORBIDDEN', message: 'Your role may not see the plan as it was.' },
      ]);
    }
    const heading = await this.pages.ask<PlanHeadingAnswer>(visit, PLAN_HEADING, { id: planId });
    if (!heading.ok) return this.pages.refuse(visit, heading.errors);
    const plan = heading.data.plan;
    if (!plan) return this.pages.refuse(visit, [{ code: 'NOT_FOUND', message: 'There is no such plan.' }]);
    await this.pages.render(
      visit,
      'plans/overview.njk',
      {
        plan,
        errors,
        asAt: { fields, past: false, errorFor: errors[0]?.href },
        boardMeetings: boardMeetingOptions(plan.boardMeetings),
        mayTimeTravel: true,
        keepFilters: filterQuery(filters),
        keepAsAt: [],
        planNowHref: `/plans/${plan.id}${queryString(filterQuery(filters))}`,
      },
      400,
    );
  }
}

/** The API's refusal of a point, in the words of the form that asked for it. */
function pointError(error: PageError, asAt: Exclude<AsAtRequest, { kind: 'invalid' | 'now' }>): FieldError {
  const href = asAt.kind === 'boardMeeting' ? '#asAt-board' : '#asAt-day';
  if (error.code === 'NOT_FOUND' && error.field === 'asOf') {
    return { text: 'The plan did not exist yet at that time: choose a later date', href };
  }
  if (error.code === 'NOT_FOUND') return { text: 'Choose a board meeting from the list', href };
  return { text: `That point cannot be shown: ${error.message}`, href };
}
