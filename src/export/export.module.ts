import { Module } from '@nestjs/common';
import { PlansModule } from '../plans/plans.module.js';
import { PlanExportController } from './plan-export.controller.js';

/** CSV and XLSX downloads of a plan in the council's own layout. */
@Module({
  imports: [PlansModule],
  controllers: [PlanExportController],
})
export class ExportModule {}
