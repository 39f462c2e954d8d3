import type { Type } from '@nestjs/common';
import { BoardChangesController } from '../changes/board-changes.controller.js';
import { BoardMeetingController } from './board-meeting.controller.js';
import { NewPlanController } from './new-plan.controller.js';
import { PlanImportController } from './plan-import.controller.js';
import { PlanStatusController } from './plan-status.controller.js';

/** What an ADMIN does to a plan (create, import, board meetings, approve, close), and board changes. */
export const ADMIN_PAGES: Type[] = [
  NewPlanController,
  PlanImportController,
  BoardMeetingController,
  PlanStatusController,
  BoardChangesController,
];
