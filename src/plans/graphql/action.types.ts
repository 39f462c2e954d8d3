import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { RecordedActor } from '../../auth/domain/actor.js';
import { ActorType } from '../../auth/graphql/actor.types.js';
import type { Evidence } from '../domain/evidence.js';
import type { RagStatus } from '../domain/rag.js';
import type { Redaction } from '../domain/recorded-texts.js';
import { RagStatusEnum } from './enums.js';
import { EvidenceType } from './evidence.types.js';
import { RedactionType } from './redaction.types.js';
import { DateScalar, DateTimeScalar, PlanDateScalar } from './scalars.js';

@ObjectType({ description: '"Progress and impact to date": notes accumulate, none is ever overwritten.' })
export class ProgressNote {
  @Field(() => ID) id!: string;
  @Field() text!: string;
  @Field(() => DateTimeScalar) recordedAt!: string;
  @Field(() => DateScalar, { nullable: true, description: 'The day it took effect, when given.' })
  effectiveDate!: string | null;
  @Field(() => ActorType, { nullable: true, description: 'Who recorded it.' }) actor!: RecordedActor | null;
  @Field(() => [EvidenceType], { description: 'Documents and measures the note cites.' })
  evidence!: readonly Evidence[];
  @Field(() => RedactionType, { nullable: true, description: 'Set once the text was erased.' })
  redaction?: Redaction;
}

@ObjectType({ description: 'An action of an improvement plan.' })
export class ImprovementAction {
  @Field(() => ID) id!: string;
  @Field(() => ID) planId!: string;
  @Field(() => ID) themeId!: string;
  @Field({ description: 'Unique within the plan, e.g. "1.4".' }) ref!: string;
  @Field() description!: string;
  @Field(() => [String], { description: 'Roles or teams; empty when the action has no owner yet.' })
  owners!: string[];
  @Field(() => PlanDateScalar, { nullable: true }) commencing!: string | null;
  @Field(() => PlanDateScalar, { nullable: true }) dueBy!: string | null;
  @Field(() => RagStatusEnum) rag!: RagStatus;
  @Field(() => [ProgressNote]) progressNotes!: ProgressNote[];
  @Field({ description: 'Withdrawn actions stay in the history but leave the plan.' }) withdrawn!: boolean;
  @Field(() => Int, { description: 'Events that changed this action; send it back as expectedVersion.' })
  version!: number;
  @Field(() => DateTimeScalar) createdAt!: string;
  @Field(() => DateTimeScalar) updatedAt!: string;
}
