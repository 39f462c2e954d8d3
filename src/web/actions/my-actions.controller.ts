import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../../auth/allow.decorator.js';
import { WebPages } from '../web-pages.js';
import { findOwnedActions } from './owned-actions.js';
import { recordedUpdate } from './update-banner.js';
import { updateFormOf } from './update-form-view.js';

/**
 * An editor's landing page: the actions their roles own across the plans they see, what needs
 * attention first, each with its monthly update form (a plain form: it works without JavaScript).
 */
@Public()
@Controller('my-actions')
export class MyActionsController {
  constructor(private readonly pages: WebPages) {}

  @Get()
  async list(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Query() query: Record<string, unknown> = {},
  ): Promise<void> {
    const visit = await this.pages.visit(request, reply);
    if (!visit) return;
    const canEdit = this.pages.may(visit, 'editAction');
    if (visit.user.owns.length === 0) {
      return this.pages.render(visit, 'actions/my-actions.njk', { ownsNothing: true, canEdit });
    }
    const found = await findOwnedActions(this.pages, visit, new Date());
    if (!found.ok) return this.pages.refuse(visit, found.errors);
    const updated = recordedUpdate(
      query,
      found.actions.map(({ action }) => action.id),
    );
    await this.pages.render(visit, 'actions/my-actions.njk', {
      items: found.actions.map((item) => ({
        ...item,
        form: canEdit && item.plan.status !== 'CLOSED' ? updateFormOf(item.action, '/my-actions') : null,
      })),
      updated,
      updatedAction: found.actions.find(({ action }) => action.id === updated?.actionId)?.action,
      attention: found.actions.filter(({ action, stale }) => action.overdue || stale).length,
    });
  }
}
