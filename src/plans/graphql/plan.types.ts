import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { Judgement } from '../domain/events.js';
import type { Action, PlanStatus } from '../domain/plan.js';
import { ImprovementAction } from './action.types.js';
import { DateScalar, DateTimeScalar } from './scalars.js';
import { JudgementEnum, PlanStatusEnum } from './enums.js';

@ObjectType({ description: 'The inspection a plan answers.' })
export class Inspection {
  @Field({ description: 'e.g. "Ofsted"' }) inspectorate!: string;
  @Field({ description: 'e.g. "ILACS"' }) framework!: string;
  @Field(() => DateScalar) startDate!: string;
  @Field(() => DateScalar) endDate!: string;
  @Field(() => JudgementEnum, { nullable: true }) judgement!: Judgement | null;
}

@ObjectType()
export class RagSummary {
  @Field(() => Int) red!: number;
  @Field(() => Int) amber!: number;
  @Field(() => Int) green!: number;
  @Field(() => Int) blue!: number;
  @Field(() => Int) notRated!: number;
  @Field(() => Int) total!: number;
}

@ObjectType({ description: 'A dated review of the plan by the improvement board.' })
export class BoardMeeting {
  @Field(() => ID) id!: string;
  @Field(() => DateScalar) heldOn!: string;
  @Field() title!: string;
  @Field(() => String, { nullable: true }) minutesUrl!: string | null;
  @Field(() => DateTimeScalar) recordedAt!: string;
}

@ObjectType({ description: 'An improvement (action) plan answering an inspection.' })
export class ImprovementPlan {
  @Field(() => ID) id!: string;
  @Field() title!: string;
  @Field(() => String, { nullable: true }) localAuthority!: string | null;
  @Field(() => Inspection, { nullable: true }) inspection!: Inspection | null;
  @Field(() => PlanStatusEnum) status!: PlanStatus;
  @Field(() => Int, { description: 'Number of events recorded for the plan.' }) version!: number;
  @Field(() => DateTimeScalar) createdAt!: string;
  @Field(() => DateTimeScalar) updatedAt!: string;
  @Field(() => [BoardMeeting], { description: 'Board meetings in the order they were held.' })
  boardMeetings!: BoardMeeting[];
  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'The instant this answer represents (as recorded then); null for what is recorded now.',
  })
  asOf!: string | null;
  @Field(() => DateScalar, {
    nullable: true,
    description: 'The day this answer shows the plan in effect on (plan(effectiveOn)); null otherwise.',
  })
  effectiveOn!: string | null;
}

@ObjectType({ description: 'An area for improvement, e.g. "1. Caseloads".' })
export class Theme {
  @Field(() => ID) id!: string;
  @Field(() => ID) planId!: string;
  @Field(() => Int) number!: number;
  @Field(() => String, { nullable: true, description: 'Null where the source plan has no heading.' })
  title!: string | null;
  @Field(() => String, { nullable: true }) whatNeedsToImprove!: string | null;
  @Field(() => String, { nullable: true }) inspectorFindings!: string | null;
  @Field(() => [ImprovementAction], { description: "The theme's actions, withdrawn ones left out." })
  actions!: Action[];
}
