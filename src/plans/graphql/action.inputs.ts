import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsBoolean, IsIn, IsInt, IsOptional, IsUUID, Min } from 'class-validator';
import { RAG_STATUSES, type RagStatus } from '../domain/rag.js';
import { AcceptableText } from '../../graphql/acceptable-text.js';
import { RagStatusEnum } from './enums.js';
import { EvidenceField, EvidenceInput } from './evidence.types.js';
import { OwnersField } from './owners-field.js';
import { DateScalar, PlanDateScalar } from './scalars.js';

@InputType({ isAbstract: true })
abstract class ActionChangeInput {
  @Field(() => ID) @IsUUID() actionId!: string;
  @Field(() => Int, {
    nullable: true,
    description:
      'The action version you last saw: the change fails with CONFLICT if the action changed since.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number | null;
  @Field(() => DateScalar, { nullable: true, description: 'The day the change took effect, if not today.' })
  @IsOptional()
  effectiveDate?: string | null;
}

@InputType()
export class ChangeRagStatusInput extends ActionChangeInput {
  @Field(() => RagStatusEnum) @IsIn(RAG_STATUSES) rag!: RagStatus;
  @Field({ description: 'Why the RAG moved: boards ask for it.' }) @AcceptableText() reason!: string;
  @EvidenceField() evidence?: EvidenceInput[] | null;
}

@InputType()
export class AddProgressNoteInput extends ActionChangeInput {
  @Field() @AcceptableText() text!: string;
  @EvidenceField() evidence?: EvidenceInput[] | null;
  @Field({
    defaultValue: false,
    description: 'Record the note even though it seems to contain personal data (after checking it).',
  })
  @IsBoolean()
  acknowledgePersonalData!: boolean;
}

@InputType()
export class AssignActionOwnersInput extends ActionChangeInput {
  @OwnersField({
    nullable: false,
    description: 'The full new list of owners (roles or teams); may be empty.',
  })
  owners!: string[];
}

@InputType()
export class RescheduleActionInput extends ActionChangeInput {
  @Field(() => PlanDateScalar, { nullable: true }) @IsOptional() commencing?: string | null;
  @Field(() => PlanDateScalar, { nullable: true }) @IsOptional() dueBy?: string | null;
  @Field() @AcceptableText() reason!: string;
}

@InputType()
export class ReviseActionDescriptionInput extends ActionChangeInput {
  @Field() @AcceptableText() description!: string;
  @Field() @AcceptableText() reason!: string;
}

@InputType()
export class WithdrawActionInput extends ActionChangeInput {
  @Field() @AcceptableText() reason!: string;
}

@InputType({
  description:
    "The service manager's monthly update: a new RAG status (with its reason) and/or a progress note, " +
    'recorded together or not at all. A RAG equal to the current one is no change (nothing is recorded ' +
    'for it, and a reason with it is refused); at least one of a RAG change and a note.',
})
export class RecordActionUpdateInput extends ActionChangeInput {
  @Field(() => RagStatusEnum, { nullable: true })
  @IsOptional()
  @IsIn(RAG_STATUSES)
  rag?: RagStatus | null;
  @Field(() => String, { nullable: true, description: 'Why the RAG moved: required when it changes.' })
  @IsOptional()
  @AcceptableText({ blankAllowed: true })
  reason?: string | null;
  @Field(() => String, { nullable: true, description: 'Progress and impact to date.' })
  @IsOptional()
  @AcceptableText({ blankAllowed: true })
  note?: string | null;
  /** Recorded with the RAG change when the RAG moves, else with the note. */
  @EvidenceField() evidence?: EvidenceInput[] | null;
  @Field({
    defaultValue: false,
    description: 'Record the note even though it seems to contain personal data (after checking it).',
  })
  @IsBoolean()
  acknowledgePersonalData!: boolean;
}
