import { Module } from '@nestjs/common';
import { PlansModule } from '../plans/plans.module.js';
import { AuditTrailExportController } from './http/audit-trail-export.controller.js';
import { HistoryResolver } from './graphql/history.resolver.js';
import { PlanChangedResolver } from './graphql/plan-changed.resolver.js';
import { RagMovementResolver, NetRagChangeResolver } from './graphql/rag-movement.resolver.js';
import { GetActionHistoryHandler } from './read-models/action-history.query.js';
import { GetActionSlippageHandler } from './read-models/action-slippage.query.js';
import { GetActionsWithRagHandler } from './read-models/actions-with-rag.query.js';
import { ChangeLog } from './read-models/change-log.js';
import { GetPlanChangesHandler } from './read-models/plan-changes.query.js';
import { GetPlanHistoryHandler } from './read-models/plan-history.query.js';
import { GetRagTrendHandler } from './read-models/rag-trend.query.js';

/**
 * Audit history (also as a CSV download), "what changed since the board", trends and live changes:
 * all read from the events.
 */
@Module({
  imports: [PlansModule],
  controllers: [AuditTrailExportController],
  providers: [
    ChangeLog,
    GetActionHistoryHandler,
    GetActionSlippageHandler,
    GetPlanHistoryHandler,
    GetPlanChangesHandler,
    GetRagTrendHandler,
    GetActionsWithRagHandler,
    HistoryResolver,
    PlanChangedResolver,
    RagMovementResolver,
    NetRagChangeResolver,
  ],
})
export class HistoryModule {}
