import { Body, Controller, Get, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../../auth/allow.decorator.js';
import type { PageError } from '../web-graphql.js';
import { WebPages, type Visit } from '../web-pages.js';
import { planWithNotice } from './admin-notices.js';
import { offeredToAdmin } from './admin-visit.js';
import { formErrors, formStatus, isFormError, pageErrors, type FormField } from './form-errors.js';
import { datePartsOf, NO_DATE, readDate, textOf, type Form } from './form-values.js';

const CREATE_PLAN = /* GraphQL */ `
  mutation CreatePlan($input: CreatePlanInput!) {
    createPlan(input: $input) {
      id
    }
  }
`;

const FIELDS: Record<string, FormField> = {
  title: { id: 'title', label: 'Title' },
  localAuthority: { id: 'localAuthority', label: 'Local authority' },
  effectiveDate: { id: 'effectiveDate-day', label: 'The day the plan took effect' },
  inspection: { id: 'inspectorate', label: 'Inspection' },
  'inspection.inspectorate': { id: 'inspectorate', label: 'Inspectorate' },
  'inspection.framework': { id: 'framework', label: 'Inspection framework' },
  'inspection.startDate': { id: 'inspectionStart-day', label: 'The day the inspection started' },
  'inspection.endDate': { id: 'inspectionEnd-day', label: 'The day the inspection ended' },
  'inspection.judgement': { id: 'judgement', label: 'Judgement' },
};

const JUDGEMENTS = ['OUTSTANDING', 'GOOD', 'REQUIRES_IMPROVEMENT', 'INADEQUATE'];

/** What the person typed, to show again when the plan could not be created. */
function valuesOf(form: Form) {
  return {
    title: textOf(form, 'title'),
    localAuthority: textOf(form, 'localAuthority'),
    effectiveDate: datePartsOf(form, 'effectiveDate'),
    inspectorate: textOf(form, 'inspectorate'),
    framework: textOf(form, 'framework'),
    inspectionStart: datePartsOf(form, 'inspectionStart'),
    inspectionEnd: datePartsOf(form, 'inspectionEnd'),
    judgement: JUDGEMENTS.includes(textOf(form, 'judgement')) ? textOf(form, 'judgement') : '',
  };
}
type PlanValues = ReturnType<typeof valuesOf>;

/** The form as CreatePlanInput, or the date boxes that do not make a date. */
function createPlanInput(values: PlanValues): { input: Record<string, unknown>; errors: PageError[] } {
  const effective = readDate(values.effectiveDate, FIELDS.effectiveDate!.label);
  const start = readDate(values.inspectionStart, FIELDS['inspection.startDate']!.label);
  const end = readDate(values.inspectionEnd, FIELDS['inspection.endDate']!.label);
  const { inspectorate, framework, judgement } = values;
  // The inspection is optional, but once any part of it is given it needs all its dates.
  const inspected = [inspectorate, framework, judgement, start.day, end.day].some(Boolean);
  const errors = pageErrors({
    effectiveDate: effective.error,
    'inspection.startDate':
      start.error ?? (inspected && !start.day ? 'Enter the day the inspection started' : undefined),
    'inspection.endDate':
      end.error ?? (inspected && !end.day ? 'Enter the day the inspection ended' : undefined),
  });
  const inspection = inspected
    ? { inspectorate, framework, startDate: start.day, endDate: end.day, judgement: judgement || null }
    : null;
  const input = {
    title: values.title,
    localAuthority: values.localAuthority || null,
    effectiveDate: effective.day ?? null,
    inspection,
  };
  return { input, errors };
}

/** An ADMIN starts a plan by hand (or goes on to import the council's own file). */
@Public()
@Controller('admin/plans')
export class NewPlanController {
  constructor(private readonly pages: WebPages) {}

  @Get('new')
  async form(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const visit = await this.pages.visit(request, reply);
    if (!visit || !(await offeredToAdmin(this.pages, visit, 'create a plan'))) return;
    const values = {
      ...valuesOf({}),
      localAuthority: visit.user.localAuthority ?? '',
      effectiveDate: NO_DATE,
    };
    await this.show(visit, values, []);
  }

  @Post('new')
  async create(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Body() form: Form = {}) {
    const visit = await this.pages.formVisit(request, reply);
    if (!visit) return;
    const values = valuesOf(form);
    const { input, errors } = createPlanInput(values);
    if (errors.length > 0) return this.show(visit, values, errors);
    const answer = await this.pages.record<{ createPlan: { id: string } }>(visit, CREATE_PLAN, { input });
    if (!answer.ok) {
      if (!answer.errors.every(isFormError)) return this.pages.refuse(visit, answer.errors);
      return this.show(visit, values, answer.errors);
    }
    await reply.redirect(planWithNotice(answer.data.createPlan.id, 'created'), 303);
  }

  private show(visit: Visit, values: PlanValues, errors: PageError[]) {
    const { summary, byField } = formErrors(errors, FIELDS, 'title');
    const status = errors.length > 0 ? formStatus(errors) : 200;
    return this.pages.render(
      visit,
      'admin/new-plan.njk',
      { values, errors: summary, fieldErrors: byField, ownAuthority: visit.user.localAuthority },
      status,
    );
  }
}
