import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../../auth/allow.decorator.js';
import type { PageError } from '../web-graphql.js';
import { WebPages, type Visit } from '../web-pages.js';
import { planWithNotice } from './admin-notices.js';
import { offeredToAdmin, planCrumbs, planForForm } from './admin-visit.js';
import { formErrors, formStatus, isFormError, type FormField } from './form-errors.js';
import { textOf, type Form } from './form-values.js';

const APPROVE_PLAN = /* GraphQL */ `
  mutation ApprovePlan($input: ApprovePlanInput!) {
    approvePlan(input: $input) {
      id
    }
  }
`;

const CLOSE_PLAN = /* GraphQL */ `
  mutation ClosePlan($input: ClosePlanInput!) {
    closePlan(input: $input) {
      id
    }
  }
`;

type Step = 'approve' | 'close';

/** A refusal about the plan as a whole (already approved, closed) is shown beside the button. */
const FIELDS: Record<string, FormField> = {
  planId: { id: 'confirm', label: 'The plan' },
  reason: { id: 'reason', label: 'Reason' },
};

/**
 * Approving and closing a plan: each a page that says what it means and asks to confirm, since
 * neither can be undone (a closed plan can no longer change at all).
 */
@Public()
@Controller('plans/:planId')
export class PlanStatusController {
  constructor(private readonly pages: WebPages) {}

  @Get('approve')
  approvePage(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('planId') planId: string) {
    return this.page(request, reply, planId, 'approve');
  }

  @Get('close')
  closePage(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('planId') planId: string) {
    return this.page(request, reply, planId, 'close');
  }

  @Post('approve')
  async approve(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('planId') planId: string) {
    const visit = await this.pages.formVisit(request, reply);
    if (!visit) return;
    const answer = await this.pages.record(visit, APPROVE_PLAN, { input: { planId } });
    if (answer.ok) return reply.redirect(planWithNotice(planId, 'approved'), 303);
    await this.refused(visit, planId, 'approve', answer.errors, '');
  }

  @Post('close')
  async close(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('planId') planId: string,
    @Body() form: Form = {},
  ) {
    const visit = await this.pages.formVisit(request, reply);
    if (!visit) return;
    const reason = textOf(form, 'reason');
    const answer = await this.pages.record(visit, CLOSE_PLAN, { input: { planId, reason } });
    if (answer.ok) return reply.redirect(planWithNotice(planId, 'closed'), 303);
    await this.refused(visit, planId, 'close', answer.errors, reason);
  }

  private async page(request: FastifyRequest, reply: FastifyReply, planId: string, step: Step) {
    const visit = await this.pages.visit(request, reply);
    if (!visit || !(await offeredToAdmin(this.pages, visit, `${step} a plan`))) return;
    await this.show(visit, planId, step, [], '');
  }

  private async refused(visit: Visit, planId: string, step: Step, errors: PageError[], reason: string) {
    if (!errors.every(isFormError)) return this.pages.refuse(visit, errors);
    await this.show(visit, planId, step, errors, reason);
  }

  private async show(visit: Visit, planId: string, step: Step, errors: PageError[], reason: string) {
    const plan = await planForForm(this.pages, visit, planId);
    if (!plan) return;
    const { summary, byField } = formErrors(errors, FIELDS, step === 'close' ? 'reason' : 'planId');
    await this.pages.render(
      visit,
      'admin/plan-status.njk',
      { plan, step, reason, errors: summary, fieldErrors: byField, breadcrumbs: planCrumbs(plan) },
      errors.length > 0 ? formStatus(errors) : 200,
    );
  }
}
