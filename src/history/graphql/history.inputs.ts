import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional } from 'class-validator';
import { AcceptableText } from '../../graphql/acceptable-text.js';
import { RagStatusEnum } from '../../plans/graphql/enums.js';
import { DateScalar, DateTimeScalar } from '../../plans/graphql/scalars.js';
import type { RagStatus } from '../../plans/domain/rag.js';
import type { ChangeKind } from '../domain/plan-change.js';
import { ChangeKindEnum } from './history.types.js';

@InputType({
  description:
    'Like JQL: CHANGED FROM ragFrom TO ragTo DURING (from, to) BY actor; and, by effective date, ' +
    'changes that took effect between effectiveFrom and effectiveTo. All given criteria must hold.',
})
export class PlanHistoryFilter {
  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'Recorded at or after (a plain day means the end of that UK day, as everywhere).',
  })
  @IsOptional()
  from?: string | null;
  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'Recorded at or before (a plain day means the end of that UK day).',
  })
  @IsOptional()
  to?: string | null;
  @Field(() => DateScalar, {
    nullable: true,
    description: 'Took effect on or after this day: its effectiveDate, else the UK day it was recorded.',
  })
  @IsOptional()
  effectiveFrom?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Took effect on or before this day (inclusive).' })
  @IsOptional()
  effectiveTo?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @AcceptableText({ blankAllowed: true }) actionId?:
    string | null;
  @Field(() => String, { nullable: true, description: 'Who made the change: their id or name (any case).' })
  @IsOptional()
  @AcceptableText({ blankAllowed: true })
  actor?: string | null;
  @Field(() => [ChangeKindEnum], { nullable: true }) @IsOptional() kinds?: ChangeKind[] | null;
  @Field(() => RagStatusEnum, { nullable: true, description: 'Only RAG changes from this status.' })
  @IsOptional()
  ragFrom?: RagStatus | null;
  @Field(() => RagStatusEnum, { nullable: true, description: 'Only RAG changes to this status.' })
  @IsOptional()
  ragTo?: RagStatus | null;
}
