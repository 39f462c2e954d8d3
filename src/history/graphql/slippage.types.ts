import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { RecordedActor } from '../../auth/domain/actor.js';
import { ActorType } from '../../auth/graphql/actor.types.js';
import type { Action } from '../../plans/domain/plan.js';
import { ImprovementAction } from '../../plans/graphql/action.types.js';
import { BoardMeeting } from '../../plans/graphql/plan.types.js';
import { DateScalar, DateTimeScalar, PlanDateScalar } from '../../plans/graphql/scalars.js';

const DAYS_SLIPPED =
  'Days from the last day of the due-by date before to the last day of the one after (a month counts ' +
  'to its last day; later is positive, earlier negative); without a due-by date on both sides, the ' +
  'commencing dates compared the same way; null when neither can be compared.';

@ObjectType()
export class Schedule {
  @Field(() => PlanDateScalar, { nullable: true }) commencing!: string | null;
  @Field(() => PlanDateScalar, { nullable: true }) dueBy!: string | null;
}

@ObjectType({ description: 'One reschedule: the dates before and after, who recorded it, when and why.' })
export class Reschedule {
  @Field(() => Schedule) from!: Schedule;
  @Field(() => Schedule) to!: Schedule;
  @Field(() => Int, { nullable: true, description: DAYS_SLIPPED }) daysSlipped!: number | null;
  @Field() reason!: string;
  @Field(() => ActorType, { nullable: true, description: 'Who recorded it.' }) actor!: RecordedActor | null;
  @Field(() => DateTimeScalar) recordedAt!: string;
  @Field(() => DateScalar, { nullable: true, description: 'The day it took effect, when given.' })
  effectiveDate!: string | null;
  @Field(() => ID, { description: 'The event that recorded it, as in planHistory.' }) eventId!: string;
}

@ObjectType({ description: 'An action rescheduled in the period: its dates at the start and at the end.' })
export class SlippedAction {
  @Field(() => ImprovementAction, { description: 'The action as at the end of the period.' })
  action!: Action;
  @Field(() => Schedule, { description: 'The dates before its first reschedule in the period.' })
  from!: Schedule;
  @Field(() => Schedule, { description: 'The dates after its last reschedule in the period.' })
  to!: Schedule;
  @Field(() => Int, { nullable: true, description: DAYS_SLIPPED }) daysSlipped!: number | null;
  @Field(() => [Reschedule], { description: 'Every reschedule in the period, oldest first.' })
  reschedules!: Reschedule[];
}

@ObjectType({ description: 'The actions rescheduled between two points, with who, when and why.' })
export class SlippedActions {
  @Field(() => ID) planId!: string;
  @Field(() => DateTimeScalar, { description: 'The start of the period (exclusive).' }) since!: string;
  @Field(() => DateTimeScalar, { description: 'The end of the period (inclusive).' }) until!: string;
  @Field(() => BoardMeeting, { nullable: true }) sinceBoardMeeting!: BoardMeeting | null;
  @Field(() => [SlippedAction], { description: 'In the order the actions were added to the plan.' })
  actions!: SlippedAction[];
}
