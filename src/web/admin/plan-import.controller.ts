import { Body, Controller, Get, Inject, Param, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../../auth/allow.decorator.js';
import { SESSION_KEY } from '../session/web-session.js';
import type { PageError } from '../web-graphql.js';
import { WebPages, type Visit } from '../web-pages.js';
import { planWithNotice } from './admin-notices.js';
import { offeredToAdmin, planForForm, type AdminPlan } from './admin-visit.js';
import { formStatus, isFormError, pageErrors } from './form-errors.js';
import { datePartsOf, NO_DATE, readDate, type Form } from './form-values.js';
import { changesDigest, ImportSeal } from './import-seal.js';
import { importPage, previewPage, type ImportPageContext, type UploadValues } from './import-pages.js';
import { readUploadForm, type PlanFileFormat } from './plan-file-upload.js';
import { previewedImport, runImport, type ImportReport, type ImportRequest } from './plan-import.js';

const PLAN_IMPORT = ['admin/plans/import', 'plans/:planId/import'];
const PLAN_IMPORT_CONFIRM = PLAN_IMPORT.map((path) => `${path}/confirm`);

const STALE_PREVIEW: PageError = {
  code: 'BAD_USER_INPUT',
  message:
    'This preview can no longer be confirmed: the file, or what it was asked to do, is not the one ' +
    'previewed. Nothing has been recorded. Upload the file again.',
};

/**
 * An ADMIN imports the council's plan file, into a new plan or an existing one: upload, check the
 * dry run's preview, confirm. Nothing is recorded before the confirm, and the confirm records the
 * file previewed (see ImportSeal) as long as the plan still gives the changes previewed.
 */
@Public()
@Controller()
export class PlanImportController {
  private readonly seal: ImportSeal;

  constructor(
    private readonly pages: WebPages,
    @Inject(SESSION_KEY) sessionKey: Uint8Array,
  ) {
    this.seal = new ImportSeal(sessionKey);
  }

  @Get(PLAN_IMPORT)
  async form(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('planId') planId?: string) {
    const visit = await this.pages.visit(request, reply);
    if (!visit || !(await offeredToAdmin(this.pages, visit, 'import a plan file'))) return;
    const plan = planId === undefined ? null : await planForForm(this.pages, visit, planId);
    if (plan === undefined) return;
    const values = { title: '', effectiveDate: NO_DATE, acknowledgePersonalData: false };
    await this.render(visit, importPage({ plan, values, errors: [], showAcknowledge: false }), 200);
  }

  @Post(PLAN_IMPORT)
  async preview(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('planId') planId?: string,
  ) {
    const upload = await readUploadForm(request);
    // The CSRF check reads request.body, which for a multipart form is only read here.
    (request as { body?: unknown }).body = upload.fields;
    const visit = await this.pages.formVisit(request, reply);
    if (!visit) return;
    const values: UploadValues = {
      title: (upload.fields.title ?? '').trim(),
      effectiveDate: datePartsOf(upload.fields, 'effectiveDate'),
      acknowledgePersonalData: upload.fields.acknowledgePersonalData === 'yes',
    };
    const effective = readDate(values.effectiveDate, 'The day the changes took effect');
    const found = pageErrors({ file: upload.fileError, effectiveDate: effective.error });
    const plan = planId === undefined ? null : await planForForm(this.pages, visit, planId);
    if (plan === undefined) return;
    if (found.length > 0 || !upload.file) {
      return this.render(
        visit,
        importPage({ plan, values, errors: found, showAcknowledge: values.acknowledgePersonalData }),
        400,
      );
    }
    const importRequest: ImportRequest = {
      planId: planId ?? null,
      file: upload.file,
      title: planId === undefined && values.title !== '' ? values.title : null,
      effectiveDate: effective.day ?? null,
      acknowledgePersonalData: values.acknowledgePersonalData,
    };
    const answer = await runImport(this.pages, visit, importRequest, true);
    if (!answer.ok) return this.refused(visit, plan, values, answer.errors);
    await this.showPreview(visit, plan, values, importRequest, answer.data, false);
  }

  @Post(PLAN_IMPORT_CONFIRM)
  async confirm(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('planId') planId?: string,
    @Body() form: Form = {},
  ) {
    const visit = await this.pages.formVisit(request, reply);
    if (!visit) return;
    const importRequest = requestFrom(form, planId ?? null);
    const previewed = importRequest && { ...importRequest, changesDigest: raw(form, 'changesDigest') };
    if (!previewed || !this.seal.matches(visit.session.csrf, previewed, raw(form, 'seal'))) {
      return this.pages.refuse(visit, [STALE_PREVIEW]);
    }
    const plan = planId === undefined ? null : await planForForm(this.pages, visit, planId);
    if (plan === undefined) return;
    const values = valuesOf(previewed);
    // Someone may have changed the plan since the preview: then the person sees the new preview first.
    const again = await runImport(this.pages, visit, previewed, true);
    if (!again.ok) return this.refused(visit, plan, values, again.errors);
    if (again.data.problems.length > 0 || changesDigest(again.data.changes) !== previewed.changesDigest) {
      return this.showPreview(visit, plan, values, previewed, again.data, true);
    }
    const recorded = await runImport(this.pages, visit, previewed, false);
    if (!recorded.ok) return this.refused(visit, plan, values, recorded.errors);
    if (recorded.data.problems.length > 0 || !recorded.data.planId) {
      return this.showPreview(visit, plan, values, previewed, recorded.data, true);
    }
    await reply.redirect(planWithNotice(recorded.data.planId, 'imported'), 303);
  }

  private showPreview(
    visit: Visit,
    plan: AdminPlan | null,
    values: UploadValues,
    request: ImportRequest,
    report: ImportReport,
    changedSincePreview: boolean,
  ) {
    const previewed = previewedImport(request, report);
    const seal = this.seal.seal(visit.session.csrf, previewed);
    const context = previewPage({ plan, values, previewed, report, seal, changedSincePreview });
    const status = changedSincePreview ? 409 : report.problems.length > 0 ? 400 : 200;
    return this.render(visit, context, status);
  }

  private refused(visit: Visit, plan: AdminPlan | null, values: UploadValues, errors: PageError[]) {
    if (!errors.every(isFormError)) return this.pages.refuse(visit, errors);
    // A box ticked before stays ticked (and shown) while something else is put right.
    const context = importPage({ plan, values, errors, showAcknowledge: values.acknowledgePersonalData });
    return this.render(visit, context, formStatus(errors));
  }

  private render(visit: Visit, context: ImportPageContext, status: number) {
    return this.pages.render(visit, context.view, context, status);
  }
}

const FORMATS: readonly string[] = ['TEXT', 'CSV', 'XLSX'];
const raw = (form: Form, name: string) => (typeof form[name] === 'string' ? form[name] : '');

/** The confirm form's hidden fields, as the preview wrote them (the seal then says whether they are). */
function requestFrom(form: Form, planId: string | null): ImportRequest | undefined {
  const [fileName, format, content] = [raw(form, 'fileName'), raw(form, 'format'), raw(form, 'content')];
  if (!fileName || !FORMATS.includes(format) || !/^[A-Za-z0-9_-]+$/.test(content)) return undefined;
  return {
    planId,
    file: { fileName, format: format as PlanFileFormat, content: Buffer.from(content, 'base64url') },
    title: raw(form, 'title') || null,
    effectiveDate: raw(form, 'effectiveDate') || null,
    acknowledgePersonalData: raw(form, 'acknowledgePersonalData') === 'yes',
  };
}

function valuesOf(request: ImportRequest): UploadValues {
  const [year = '', month = '', day = ''] = request.effectiveDate?.split('-') ?? [];
  return {
    title: request.title ?? '',
    effectiveDate: { day, month, year },
    acknowledgePersonalData: request.acknowledgePersonalData,
  };
}
