import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../../auth/allow.decorator.js';
import type { RagStatus } from '../../plans/domain/rag.js';
import type { PageError } from '../web-graphql.js';
import { WebPages, type Visit } from '../web-pages.js';
import { loadActionPage, type ActionPage } from './action-page-data.js';
import {
  fieldErrorsOf,
  readMonthlyUpdate,
  type FieldError,
  type MonthlyUpdateValues,
} from './monthly-update-form.js';
import { changesSince, timelineEntry, type TimelineEntry } from './timeline.js';
import { locationAfterUpdate, recordedUpdate } from './update-banner.js';
import { errorSummaryOf, updateFormOf } from './update-form-view.js';

const RECORD_ACTION_UPDATE = /* GraphQL */ `
  mutation RecordActionUpdate($input: RecordActionUpdateInput!) {
    recordActionUpdate(input: $input) {
      id
      version
      rag
    }
  }
`;

type Form = Readonly<Record<string, unknown>>;

/** What the user sent, refused: kept whole so that they lose nothing they typed. */
interface Refused {
  readonly values: MonthlyUpdateValues;
  readonly errors: readonly FieldError[];
  /** The API answered CONFLICT on the version: someone else changed the action first. */
  readonly versionConflict?: boolean;
  /** What they changed since the version the user saw (worked out once the page is loaded). */
  readonly changedSince?: readonly TimelineEntry[];
}

/** An action's page (current state, timeline, notes) and its monthly update form. */
@Public()
@Controller('actions')
export class ActionController {
  constructor(private readonly pages: WebPages) {}

  @Get(':actionId')
  async show(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('actionId') actionId: string,
    @Query() query: Record<string, unknown> = {},
  ): Promise<void> {
    const visit = await this.pages.visit(request, reply);
    if (!visit) return;
    const loaded = await loadActionPage(this.pages, visit, actionId);
    if (!loaded.ok) return this.pages.refuse(visit, loaded.errors);
    await this.render(visit, loaded.page, undefined, 200, recordedUpdate(query, [actionId]));
  }

  /** The monthly update: RAG, reason, note and effective date recorded together or not at all. */
  @Post(':actionId/update')
  async update(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('actionId') actionId: string,
    @Body() form: Form = {},
  ): Promise<void> {
    const visit = await this.pages.formVisit(request, reply);
    if (!visit) return;
    const read = readMonthlyUpdate(form, actionId);
    if (!read.ok) return this.refused(visit, actionId, { values: read.values, errors: read.errors }, 400);
    const answer = await this.pages.record<{
      recordActionUpdate: { id: string; version: number; rag: RagStatus };
    }>(visit, RECORD_ACTION_UPDATE, { input: read.input });
    if (answer.ok) {
      const { returnTo, expectedVersion } = read.values;
      const location = locationAfterUpdate(
        returnTo,
        answer.data.recordActionUpdate,
        expectedVersion ?? 0,
        read.input.note !== undefined,
      );
      return reply.redirect(location, 303);
    }
    return this.answerRefusal(visit, actionId, read.values, answer.errors);
  }

  private async answerRefusal(
    visit: Visit,
    actionId: string,
    values: MonthlyUpdateValues,
    errors: PageError[],
  ): Promise<void> {
    const [first] = errors;
    if (first?.code === 'CONFLICT' && first.field === 'expectedVersion') {
      return this.refused(visit, actionId, { values, errors: [], versionConflict: true }, 409);
    }
    if (first?.code === 'BAD_USER_INPUT' || first?.code === 'CONFLICT') {
      const status = first.code === 'CONFLICT' ? 409 : 400;
      return this.refused(visit, actionId, { values, errors: fieldErrorsOf(errors) }, status);
    }
    return this.pages.refuse(visit, errors);
  }

  /**
   * The action page again with the form as sent. On a conflict it shows what changed since the
   * version the user saw, and the form now carries the current version, so sending it again is a
   * decision made knowing what changed, never a silent overwrite.
   */
  private async refused(visit: Visit, actionId: string, refusal: Refused, status: 400 | 409): Promise<void> {
    const loaded = await loadActionPage(this.pages, visit, actionId);
    if (!loaded.ok) return this.pages.refuse(visit, loaded.errors);
    const { page } = loaded;
    if (!refusal.versionConflict) return this.render(visit, page, refusal, status);
    const saw = refusal.values.expectedVersion ?? 0;
    const changedSince = changesSince(page.history, saw).map(timelineEntry);
    const values = { ...refusal.values, expectedVersion: page.action.version };
    await this.render(visit, page, { values, errors: [], changedSince }, status);
  }

  private async render(
    visit: Visit,
    page: ActionPage,
    refusal: Refused | undefined,
    status: number,
    updated?: ReturnType<typeof recordedUpdate>,
  ): Promise<void> {
    const returnTo = refusal?.values.returnTo ?? `/actions/${page.action.id}`;
    const form = page.mayUpdate ? updateFormOf(page.action, returnTo, refusal, '') : null;
    const errors = refusal ? errorSummaryOf(form, refusal.errors) : [];
    if (refusal?.changedSince) {
      errors.unshift({
        text:
          `Your update was not recorded: someone else changed action ${page.action.ref} after you ` +
          'opened it. Check what changed, then send your update again: what you typed is kept below.',
        href: '#changes-since',
      });
    }
    await this.pages.render(
      visit,
      'actions/action.njk',
      { ...page, form, errors, changedSince: refusal?.changedSince ?? null, updated },
      status,
    );
  }
}
