import type { RecordedActor } from '../../auth/domain/actor.js';
import { ActorType } from '../../auth/graphql/actor.types.js';
import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLScalarType } from 'graphql';
import type { Evidence } from '../../plans/domain/evidence.js';
import type { Action, ProgressNote as Note } from '../../plans/domain/plan.js';
import { ImprovementAction, ProgressNote } from '../../plans/graphql/action.types.js';
import { EvidenceType } from '../../plans/graphql/evidence.types.js';
import { BoardMeeting, RagSummary } from '../../plans/graphql/plan.types.js';
import { DateScalar, DateTimeScalar } from '../../plans/graphql/scalars.js';
import { CHANGE_KINDS, type ChangeKind } from '../domain/plan-change.js';
import type { RagDirection, RagMovement as Movement } from '../domain/plan-diff.js';
import { Schedule, SlippedAction } from './slippage.types.js';

export { Schedule } from './slippage.types.js';

export const ChangeKindEnum = Object.fromEntries(Object.values(CHANGE_KINDS).map((kind) => [kind, kind])) as {
  [K in ChangeKind]: K;
};
registerEnumType(ChangeKindEnum, { name: 'ChangeKind', description: 'What kind of change an event made.' });

export const TrendIntervalEnum = { DAY: 'DAY', WEEK: 'WEEK', MONTH: 'MONTH' } as const;
registerEnumType(TrendIntervalEnum, { name: 'TrendInterval' });

export const RagDirectionEnum: { [K in RagDirection]: K } = {
  IMPROVED: 'IMPROVED',
  WORSENED: 'WORSENED',
  FIRST_RATED: 'FIRST_RATED',
  RATING_REMOVED: 'RATING_REMOVED',
};
registerEnumType(RagDirectionEnum, {
  name: 'RagDirection',
  description: 'RED < AMBER < GREEN < BLUE; moves from or to NOT_RATED are ratings given or removed.',
});

/** Event-log positions are 64-bit: sent as decimal strings so no client rounds them. */
export const PositionScalar = new GraphQLScalarType<bigint, string>({
  name: 'Position',
  description: 'A position in the store-wide event log, as a decimal string.',
  serialize: (value) => String(value),
});

@ObjectType({ description: 'One recorded change: who, when, what and why.' })
export class PlanChange {
  @Field(() => ID) eventId!: string;
  @Field(() => ID) planId!: string;
  @Field(() => PositionScalar) position!: bigint;
  @Field(() => Int, { description: 'The plan version once this change was recorded.' }) version!: number;
  @Field(() => DateTimeScalar) recordedAt!: string;
  @Field(() => DateScalar, { nullable: true, description: 'The day it took effect, when given.' })
  effectiveDate!: string | null;
  @Field(() => ActorType, { nullable: true }) actor!: RecordedActor | null;
  @Field(() => String, { nullable: true, description: 'Ties together the changes of one request.' })
  correlationId!: string | null;
  @Field(() => ChangeKindEnum) kind!: ChangeKind;
  @Field(() => ID, { nullable: true }) actionId!: string | null;
  @Field(() => String, { nullable: true }) actionRef!: string | null;
  @Field(() => String, { nullable: true, description: 'What changed, e.g. "rag", "owners", "schedule".' })
  field!: string | null;
  @Field(() => String, { nullable: true, description: 'The old value, for display.' }) from!: string | null;
  @Field(() => String, { nullable: true, description: 'The new value, for display.' }) to!: string | null;
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field(() => [EvidenceType], { description: 'What a RAG change or a note cites; empty otherwise.' })
  evidence!: readonly Evidence[];
}

@ObjectType()
export class PlanChangeEdge {
  @Field() cursor!: string;
  @Field(() => PlanChange) node!: PlanChange;
}

@ObjectType()
export class PageInfo {
  @Field() hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

@ObjectType({ description: 'A page of a plan’s history, oldest first.' })
export class PlanChangeConnection {
  @Field(() => [PlanChangeEdge]) edges!: PlanChangeEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int, { description: 'Changes matching the filter, on every page.' }) totalCount!: number;
}

@ObjectType()
export class RagSummaryAt extends RagSummary {
  @Field(() => DateTimeScalar) at!: string;
}

@ObjectType({ description: 'One RAG change: from, to, who recorded it, when, and why.' })
export class RagMovement {
  @Field(() => ImprovementAction, { description: 'The action as at the end of the period.' })
  action!: Action;
  @Field(() => String) from!: string;
  @Field(() => String) to!: string;
  @Field(() => RagDirectionEnum) direction!: RagDirection;
  @Field() reason!: string;
  @Field(() => [EvidenceType], { description: 'The documents and measures behind it.' })
  evidence!: readonly Evidence[];
  @Field(() => ActorType, { nullable: true, description: 'Who recorded it.' }) actor!: RecordedActor | null;
  @Field(() => DateTimeScalar) recordedAt!: string;
  @Field(() => DateScalar, { nullable: true, description: 'The day it took effect, when given.' })
  effectiveDate!: string | null;
  @Field(() => ID, { description: 'The event that recorded it, as in planHistory.' }) eventId!: string;
}

@ObjectType({ description: 'An action whose RAG differs between the start and the end of the period.' })
export class NetRagChange {
  @Field(() => ImprovementAction) action!: Action;
  @Field(() => String, { description: 'At the start of the period, or as added during it.' }) from!: string;
  @Field(() => String, { description: 'At the end of the period.' }) to!: string;
  @Field(() => RagDirectionEnum) direction!: RagDirection;
  @Field({ description: 'Added during the period: `from` is the RAG it was added with.' })
  addedInPeriod!: boolean;
  @Field(() => [RagMovement], { description: 'The movements behind it, oldest first.' })
  movements!: Movement[];
}

@ObjectType()
export class OwnerChange {
  @Field(() => ImprovementAction) action!: Action;
  @Field(() => [String]) from!: string[];
  @Field(() => [String]) to!: string[];
}

@ObjectType()
export class ScheduleChange {
  @Field(() => ImprovementAction) action!: Action;
  @Field(() => Schedule) from!: Schedule;
  @Field(() => Schedule) to!: Schedule;
}

@ObjectType()
export class DescriptionChange {
  @Field(() => ImprovementAction) action!: Action;
  @Field() from!: string;
  @Field() to!: string;
}

@ObjectType()
export class NoteAdded {
  @Field(() => ImprovementAction) action!: Action;
  @Field(() => ProgressNote) note!: Note;
}

@ObjectType({ description: 'The plan at `until` compared with the plan at `since`.' })
export class PlanDiff {
  @Field(() => ID) planId!: string;
  @Field(() => DateTimeScalar) since!: string;
  @Field(() => DateTimeScalar) until!: string;
  @Field(() => BoardMeeting, { nullable: true }) sinceBoardMeeting!: BoardMeeting | null;
  @Field(() => [RagMovement], {
    description:
      'Every RAG change of the period, oldest first, those of actions added in it too: an action that ' +
      'went AMBER → RED → AMBER shows both. netRagChanges has the net change per action.',
  })
  ragMovements!: Movement[];
  @Field(() => [NetRagChange], {
    description: 'Per action, its RAG at the start against its RAG at the end.',
  })
  netRagChanges!: NetRagChange[];
  @Field(() => [SlippedAction], { description: 'Actions rescheduled in the period: see slippedActions.' })
  slippedActions!: SlippedAction[];
  @Field(() => [ImprovementAction]) addedActions!: Action[];
  @Field(() => [ImprovementAction]) withdrawnActions!: Action[];
  @Field(() => [OwnerChange]) ownerChanges!: OwnerChange[];
  @Field(() => [ScheduleChange]) scheduleChanges!: ScheduleChange[];
  @Field(() => [DescriptionChange]) descriptionChanges!: DescriptionChange[];
  @Field(() => [NoteAdded]) newProgressNotes!: NoteAdded[];
  @Field(() => RagSummary) ragSummaryBefore!: RagSummary;
  @Field(() => RagSummary) ragSummaryAfter!: RagSummary;
  @Field(() => [PlanChange], { description: 'Every change recorded in the period, oldest first.' })
  changes!: PlanChange[];
}
