import { Controller, Get, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Allow } from '../../auth/allow.decorator.js';
import { auditTrailCsv } from '../domain/audit-trail-csv.js';
import { ChangeLog } from '../read-models/change-log.js';

/** `GET /plans/:planId/history.csv`: every change of the plan with who, when and why. */
@Allow('read', { plan: 'planId' })
@Controller('plans')
export class AuditTrailExportController {
  constructor(private readonly changeLog: ChangeLog) {}

  @Get(':planId/history.csv')
  async csv(
    @Param('planId') planId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const changes = await this.changeLog.of(planId);
    void reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="plan-${planId}-history.csv"`)
      .header('cache-control', 'private, no-store');
    return auditTrailCsv(changes);
  }
}
