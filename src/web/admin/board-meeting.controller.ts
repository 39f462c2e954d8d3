import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../../auth/allow.decorator.js';
import type { PageError } from '../web-graphql.js';
import { WebPages, type Visit } from '../web-pages.js';
import { planWithNotice } from './admin-notices.js';
import { offeredToAdmin, planCrumbs, planForForm, type AdminPlan } from './admin-visit.js';
import { formErrors, formStatus, isFormError, pageErrors, type FormField } from './form-errors.js';
import { datePartsOf, readDate, textOf, type DateParts, type Form } from './form-values.js';

const RECORD_BOARD_MEETING = /* GraphQL */ `
  mutation RecordBoardMeeting($input: RecordBoardMeetingInput!) {
    recordBoardMeeting(input: $input) {
      id
    }
  }
`;

const FIELDS: Record<string, FormField> = {
  title: { id: 'title', label: 'Title' },
  heldOn: { id: 'heldOn-day', label: 'The day the board met' },
  minutesUrl: { id: 'minutesUrl', label: 'Link to the minutes' },
};

interface MeetingValues {
  readonly title: string;
  readonly heldOn: DateParts;
  readonly minutesUrl: string;
}

const valuesOf = (form: Form): MeetingValues => ({
  title: textOf(form, 'title'),
  heldOn: datePartsOf(form, 'heldOn'),
  minutesUrl: textOf(form, 'minutesUrl'),
});

/** An ADMIN records that the improvement board reviewed the plan: an "as at" point for reports. */
@Public()
@Controller('plans/:planId/board-meetings')
export class BoardMeetingController {
  constructor(private readonly pages: WebPages) {}

  @Get('new')
  async form(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('planId') planId: string) {
    const visit = await this.pages.visit(request, reply);
    if (!visit || !(await offeredToAdmin(this.pages, visit, 'record a board meeting'))) return;
    const plan = await planForForm(this.pages, visit, planId);
    if (plan) await this.show(visit, plan, valuesOf({}), []);
  }

  @Post('new')
  async record(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('planId') planId: string,
    @Body() form: Form = {},
  ) {
    const visit = await this.pages.formVisit(request, reply);
    if (!visit) return;
    const values = valuesOf(form);
    const heldOn = readDate(values.heldOn, FIELDS.heldOn!.label);
    const missing = heldOn.day || heldOn.error ? undefined : 'Enter the day the board met';
    const errors = pageErrors({ heldOn: heldOn.error ?? missing });
    const answer =
      errors.length > 0
        ? ({ ok: false, errors } as const)
        : await this.pages.record(visit, RECORD_BOARD_MEETING, {
            input: { planId, title: values.title, heldOn: heldOn.day, minutesUrl: values.minutesUrl || null },
          });
    if (answer.ok) return reply.redirect(planWithNotice(planId, 'board-meeting'), 303);
    if (!answer.errors.every(isFormError)) return this.pages.refuse(visit, answer.errors);
    const plan = await planForForm(this.pages, visit, planId);
    if (plan) await this.show(visit, plan, values, answer.errors);
  }

  private show(visit: Visit, plan: AdminPlan, values: MeetingValues, errors: readonly PageError[]) {
    const { summary, byField } = formErrors(errors, FIELDS, 'title');
    return this.pages.render(
      visit,
      'admin/board-meeting.njk',
      { plan, values, errors: summary, fieldErrors: byField, breadcrumbs: planCrumbs(plan) },
      errors.length > 0 ? formStatus(errors) : 200,
    );
  }
}
