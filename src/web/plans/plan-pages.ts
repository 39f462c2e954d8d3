import type { Type } from '@nestjs/common';
import { PlanListController } from './plan-list.controller.js';
import { PlanOverviewController } from './plan-overview.controller.js';
import { PlanTrendController } from './plan-trend.controller.js';

/** The plan pages: the list, a plan's overview (now or as at a past point) and its RAG trend. */
export const PLAN_PAGES: Type[] = [PlanListController, PlanOverviewController, PlanTrendController];
