import { Module } from '@nestjs/common';
import { PriorRequests } from './commands/prior-requests.js';
import { RecordPlanChangeHandler } from './commands/record-plan-change.handler.js';
import { ActionResolver } from './graphql/action.resolver.js';
import { PlanResolver } from './graphql/plan.resolver.js';
import { RedactionResolver } from './graphql/redaction.resolver.js';
import { ThemeResolver } from './graphql/theme.resolver.js';
import { PlanProjection } from './read-models/plan-projection.js';
import { PlanTimelines } from './read-models/plan-timelines.js';
import { PlanAtResolver } from './read-models/point-in-time.js';
import { BoardMeetingResolver } from './graphql/board-meeting.resolver.js';
import { OwnerRoleResolver } from './graphql/owner-role.resolver.js';
import { GetActionHandler, GetPlanHandler, GetPlansHandler } from './read-models/plan.queries.js';

/** The improvement-plan capability: commands, read models and the GraphQL surface. */
@Module({
  providers: [
    PlanProjection,
    PlanTimelines,
    PlanAtResolver,
    PriorRequests,
    RecordPlanChangeHandler,
    GetPlansHandler,
    GetPlanHandler,
    GetActionHandler,
    PlanResolver,
    ThemeResolver,
    ActionResolver,
    BoardMeetingResolver,
    RedactionResolver,
    OwnerRoleResolver,
  ],
  exports: [PlanProjection, PlanTimelines, PlanAtResolver, PriorRequests],
})
export class PlansModule {}
