import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { HistoryModule } from '../history/history.module.js';
import { PlansModule } from '../plans/plans.module.js';
import { GetBoardPackHandler } from './board-pack.query.js';
import { ActionScheduleResolver } from './graphql/action-schedule.resolver.js';
import { BoardPackController } from './http/board-pack.controller.js';

/**
 * Board packs, from the plan and history read models through the query bus (the plan as at a point
 * in time, what changed since, the RAG trend): nothing here keeps state of its own.
 */
@Module({
  imports: [PlansModule, HistoryModule, AuditModule],
  controllers: [BoardPackController],
  providers: [GetBoardPackHandler, ActionScheduleResolver],
})
export class ReportsModule {}
