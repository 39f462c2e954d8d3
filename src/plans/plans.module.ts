import { Module } from '@nestjs/common';
import { PriorRequests } from './commands/prior-requests.js';
import { RecordPlanChangeHandler } from './commands/record-plan-change.handler.js';
import { ActionResolver } from './graphql/action.resolver.js';
import { PlanResolver } from './graphql/plan.resolver.js';
import { RedactionResolver } from './graphql/redaction.resolver.js';
import { ThemeResolver } from './graphql/theme.resolver.js';
import { PlanProjection } from './read-models/plan-projection.js';
import { PlanReads } from './read-models/plan-reads.js';
import { PlanChangeRecorder } from './graphql/plan-change-recorder.js';
import { BoardMeetingResolver } from './graphql/board-meeting.resolver.js';
import { OwnerRoleResolver } from './graphql/owner-role.resolver.js';

/** The improvement-plan capability: commands, read models and the GraphQL surface. */
@Module({
  providers: [
    PlanProjection,
    PlanReads,
    PriorRequests,
    RecordPlanChangeHandler,
    PlanChangeRecorder,
    PlanResolver,
    ThemeResolver,
    ActionResolver,
    BoardMeetingResolver,
    RedactionResolver,
    OwnerRoleResolver,
  ],
  exports: [PlanProjection, PlanReads, PriorRequests],
})
export class PlansModule {}
