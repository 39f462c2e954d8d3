import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { Allow } from '../auth/allow.decorator.js';
import type { FastifyReply } from 'fastify';
import { ukDate } from '../plans/domain/plan-date.js';
import { parsePointInTime } from '../plans/domain/point-in-time.js';
import type { PlanAt } from '../plans/read-models/plan-at.js';
import { PlanReads } from '../plans/read-models/plan-reads.js';
import { exportPlanCsv } from './plan-csv.js';
import { exportPlanXlsx } from './plan-xlsx.js';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The plan as the council's own spreadsheet, now or as recorded at `asOf`; the files import back
 * with no changes. Errors are JSON (400 for a bad asOf, 404 for an unknown plan or one not yet created).
 */
/** Exports of now are for readers; `?asOf` shows the plan as it was, which is time travel. */
@Allow('read', { plan: 'planId', timeTravel: ['asOf'] })
@Controller('plans')
export class PlanExportController {
  constructor(private readonly reads: PlanReads) {}

  @Get(':planId/export.csv')
  async csv(
    @Param('planId') planId: string,
    @Query('asOf') asOf: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const plan = await this.plan(planId, asOf);
    download(reply, 'text/csv; charset=utf-8', fileName(plan, 'csv'));
    return exportPlanCsv(plan);
  }

  @Get(':planId/export.xlsx')
  async xlsx(
    @Param('planId') planId: string,
    @Query('asOf') asOf: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const plan = await this.plan(planId, asOf);
    download(reply, XLSX_TYPE, fileName(plan, 'xlsx'));
    return exportPlanXlsx(plan);
  }

  /** Domain errors (a bad asOf, an unknown plan, one not yet created) answer JSON 400/404. */
  private plan(planId: string, asOf: string | undefined): Promise<PlanAt> {
    const at = asOf === undefined ? undefined : { instant: parsePointInTime(asOf, 'asOf') };
    return this.reads.at(planId, at);
  }
}

function download(reply: FastifyReply, contentType: string, name: string): void {
  reply.header('content-type', contentType);
  reply.header('content-disposition', `attachment; filename="${name}"`);
}

/** "isle-of-wight-ilacs-improvement-plan-2024.csv", "…-as-of-2024-04-23.xlsx": ASCII, safe in a header. */
function fileName(plan: PlanAt, extension: string): string {
  const slug =
    plan.title
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80)
      .replace(/-+$/, '') || 'improvement-plan';
  const asOf = plan.asOf === null ? '' : `-as-of-${ukDate(plan.asOf)}`;
  return `${slug}${asOf}.${extension}`;
}
