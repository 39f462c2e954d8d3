import { Controller, Get, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Allow } from '../../auth/allow.decorator.js';
import { noSuchPlan } from '../../plans/domain/errors.js';
import { PlanProjection } from '../../plans/read-models/plan-projection.js';
import { auditTrailCsv } from '../domain/audit-trail-csv.js';
import { ChangeLog } from '../read-models/change-log.js';

/** `GET /plans/:planId/history.csv`: every change of the plan with who, when and why. */
@Allow('read', { plan: 'planId' })
@Controller('plans')
export class AuditTrailExportController {
  constructor(
    private readonly projection: PlanProjection,
    private readonly changeLog: ChangeLog,
  ) {}

  @Get(':planId/history.csv')
  csv(@Param('planId') planId: string, @Res({ passthrough: true }) reply: FastifyReply): string {
    if (!this.projection.readModel.plan(planId)) throw noSuchPlan();
    void reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="plan-${planId}-history.csv"`)
      .header('cache-control', 'private, no-store');
    return auditTrailCsv(this.changeLog.of(planId));
  }
}
