import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../../auth/allow.decorator.js';
import { justBeforeCreation } from '../../plans/domain/point-in-time.js';
import { formatDay } from '../../reports/presentation/display.js';
import { formErrors, type FormField } from '../admin/form-errors.js';
import type { PageError } from '../web-graphql.js';
import { WebPages, type Visit } from '../web-pages.js';
import {
  BOARD_CHANGES,
  PLAN_MEETINGS,
  type ChangesPlan,
  type PlanChangesAnswer,
} from './board-changes.query.js';
import { boardChangesContent } from './board-changes.view.js';
import { NO_SUCH_PLAN } from '../../plans/domain/errors.js';

/** The period's start when it is the plan's creation rather than a board meeting. */
const CREATED = 'created';

const FIELDS: Record<string, FormField> = {
  since: { id: 'from', label: 'From' },
  sinceBoardMeeting: { id: 'from', label: 'From' },
  until: { id: 'to', label: 'To' },
  untilBoardMeeting: { id: 'to', label: 'To' },
};

/** A period the API refused (ends the wrong way round, a meeting the plan does not have) is the form's error. */
const isPeriodError = (error: PageError) =>
  (error.code === 'BAD_USER_INPUT' || error.code === 'NOT_FOUND') &&
  error.field !== undefined &&
  Object.hasOwn(FIELDS, error.field);

/** The API's own words for an unknown plan (or one of another council). */
const NO_SUCH_PLAN_PAGE: PageError = { code: 'NOT_FOUND', message: `${NO_SUCH_PLAN}.` };

/** The ends a period can have: the plan's creation or a meeting to start from, a meeting or now to end. */
function periodChoices(plan: ChangesPlan) {
  const meetings = plan.boardMeetings.map((meeting) => ({
    value: meeting.id,
    text: `${meeting.title} (${formatDay(meeting.heldOn)})`,
  }));
  return {
    from: [{ value: CREATED, text: 'When the plan was created' }, ...meetings],
    to: [{ value: '', text: 'Now' }, ...meetings],
  };
}

const chosen = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/**
 * What changed between two board meetings, or since the last one until now: every RAG movement
 * with its reason, the net change per action, new notes, added and withdrawn actions, edits and
 * reschedules. For everyone who may read the plan (planChanges needs no time travel).
 */
@Public()
@Controller('plans/:planId/changes')
export class BoardChangesController {
  constructor(private readonly pages: WebPages) {}

  @Get()
  async changes(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('planId') planId: string,
    @Query('from') fromParam: unknown,
    @Query('to') toParam: unknown,
  ): Promise<void> {
    const visit = await this.pages.visit(request, reply);
    if (!visit) return;
    const [from, to] = [chosen(fromParam), chosen(toParam)];
    // "Since the plan was created" is the same start the API takes when no meeting has ended yet.
    const created = from === CREATED ? await this.plan(visit, planId) : undefined;
    if (from === CREATED && !created) return;
    const answer = await this.pages.ask<{ plan: ChangesPlan | null; planChanges: PlanChangesAnswer }>(
      visit,
      BOARD_CHANGES,
      {
        planId,
        since: created ? justBeforeCreation(created.createdAt).toISOString() : null,
        sinceBoardMeeting: from !== '' && from !== CREATED ? from : null,
        untilBoardMeeting: to || null,
      },
    );
    if (answer.ok) {
      const { plan, planChanges } = answer.data;
      if (!plan) return this.pages.refuse(visit, [NO_SUCH_PLAN_PAGE]);
      const start = from || (planChanges.sinceBoardMeeting?.id ?? CREATED);
      return this.show(visit, plan, { from: start, to }, [], boardChangesContent(plan, planChanges, to));
    }
    if (!answer.errors.every(isPeriodError)) return this.pages.refuse(visit, answer.errors);
    const plan = await this.plan(visit, planId);
    if (plan) await this.show(visit, plan, { from, to }, answer.errors, undefined);
  }

  private async plan(visit: Visit, planId: string): Promise<ChangesPlan | undefined> {
    const answer = await this.pages.ask<{ plan: ChangesPlan | null }>(visit, PLAN_MEETINGS, { planId });
    if (!answer.ok) return void (await this.pages.refuse(visit, answer.errors));
    if (!answer.data.plan) return void (await this.pages.refuse(visit, [NO_SUCH_PLAN_PAGE]));
    return answer.data.plan;
  }

  private show(
    visit: Visit,
    plan: ChangesPlan,
    selected: { from: string; to: string },
    errors: PageError[],
    content: ReturnType<typeof boardChangesContent> | undefined,
  ) {
    const { summary, byField } = formErrors(errors, FIELDS, 'sinceBoardMeeting');
    const fieldErrors = {
      from: byField.sinceBoardMeeting ?? byField.since,
      to: byField.untilBoardMeeting ?? byField.until,
    };
    return this.pages.render(
      visit,
      'changes/changes.njk',
      {
        plan,
        selected,
        periodChoices: periodChoices(plan),
        content,
        errors: summary,
        fieldErrors,
        breadcrumbs: [
          { text: 'Plans', href: '/plans' },
          { text: plan.title, href: `/plans/${plan.id}` },
        ],
      },
      errors.length > 0 ? 400 : 200,
    );
  }
}
