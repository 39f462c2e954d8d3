import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Min, ValidateNested } from 'class-validator';
import type { Judgement } from '../domain/events.js';
import type { RagStatus } from '../domain/rag.js';
import { RAG_STATUSES } from '../domain/rag.js';
import { AcceptableText } from '../../graphql/acceptable-text.js';
import { JudgementEnum, RagStatusEnum } from './enums.js';
import { OwnersField } from './owners-field.js';
import { DateScalar, PlanDateScalar } from './scalars.js';

/* Shape checks only (types, ids, enums); the domain owns every rule, text limits included. */

@InputType()
export class InspectionInput {
  @Field() @AcceptableText() inspectorate!: string;
  @Field() @AcceptableText() framework!: string;
  @Field(() => DateScalar) startDate!: string;
  @Field(() => DateScalar) endDate!: string;
  @Field(() => JudgementEnum, { nullable: true }) @IsOptional() judgement?: Judgement | null;
}

@InputType()
export class CreatePlanInput {
  @Field() @AcceptableText() title!: string;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @AcceptableText({ blankAllowed: true })
  localAuthority?: string | null;
  @Field(() => InspectionInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => InspectionInput)
  inspection?: InspectionInput | null;
  @Field(() => DateScalar, {
    nullable: true,
    description: 'The day it took effect, when earlier than today (a plan approved in January, entered now).',
  })
  @IsOptional()
  effectiveDate?: string | null;
}

@InputType()
export class ApprovePlanInput {
  @Field(() => ID) @IsUUID() planId!: string;
}

@InputType()
export class ClosePlanInput {
  @Field(() => ID) @IsUUID() planId!: string;
  @Field() @AcceptableText() reason!: string;
}

@InputType()
export class AddThemeInput {
  @Field(() => ID) @IsUUID() planId!: string;
  @Field(() => Int) @IsInt() @Min(1) number!: number;
  @Field(() => String, { nullable: true }) @IsOptional() @AcceptableText({ blankAllowed: true }) title?:
    string | null;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @AcceptableText({ blankAllowed: true })
  whatNeedsToImprove?: string | null;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @AcceptableText({ blankAllowed: true })
  inspectorFindings?: string | null;
  @Field(() => DateScalar, {
    nullable: true,
    description: 'The day it took effect, when earlier than today (a plan approved in January, entered now).',
  })
  @IsOptional()
  effectiveDate?: string | null;
}

@InputType()
export class AddActionInput {
  @Field(() => ID) @IsUUID() planId!: string;
  @Field(() => ID) @IsUUID() themeId!: string;
  @Field() @AcceptableText() ref!: string;
  @Field() @AcceptableText() description!: string;
  @OwnersField({ nullable: true }) owners?: string[] | null;
  @Field(() => PlanDateScalar, { nullable: true }) @IsOptional() commencing?: string | null;
  @Field(() => PlanDateScalar, { nullable: true }) @IsOptional() dueBy?: string | null;
  @Field(() => RagStatusEnum, { nullable: true, defaultValue: 'NOT_RATED' })
  @IsOptional()
  @IsIn(RAG_STATUSES)
  rag?: RagStatus;
  @Field(() => DateScalar, {
    nullable: true,
    description: 'The day it took effect, when earlier than today (a plan approved in January, entered now).',
  })
  @IsOptional()
  effectiveDate?: string | null;
}

@InputType()
export class RecordBoardMeetingInput {
  @Field(() => ID) @IsUUID() planId!: string;
  @Field(() => DateScalar, { description: 'The day the board met (not in the future).' }) heldOn!: string;
  @Field({ description: 'e.g. "Improvement board, April 2024"' }) @AcceptableText() title!: string;
  @Field(() => String, { nullable: true, description: 'Where the minutes are published (https://…).' })
  @IsOptional()
  @AcceptableText({ blankAllowed: true })
  minutesUrl?: string | null;
}

@InputType({ description: 'A field left out stays as it is; null clears it.' })
export class ReviseThemeInput {
  @Field(() => ID) @IsUUID() planId!: string;
  @Field(() => ID) @IsUUID() themeId!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @AcceptableText({ blankAllowed: true }) title?:
    string | null;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @AcceptableText({ blankAllowed: true })
  whatNeedsToImprove?: string | null;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @AcceptableText({ blankAllowed: true })
  inspectorFindings?: string | null;
  @Field({ description: 'Why the theme was revised.' }) @AcceptableText() reason!: string;
}
