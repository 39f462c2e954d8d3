import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional } from 'class-validator';
import { RagStatusEnum } from '../../plans/graphql/enums.js';
import { DateTimeScalar } from '../../plans/graphql/scalars.js';
import type { RagStatus } from '../../plans/domain/rag.js';
import type { ChangeKind } from '../domain/plan-change.js';
import { ChangeKindEnum } from './history.types.js';

@InputType({ description: 'Like JQL: CHANGED FROM ragFrom TO ragTo DURING (from, to) BY actor.' })
export class PlanHistoryFilter {
  @Field(() => DateTimeScalar, { nullable: true, description: 'Recorded at or after.' })
  @IsOptional()
  from?: string | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Recorded at or before.' })
  @IsOptional()
  to?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() actionId?: string | null;
  @Field(() => String, { nullable: true, description: 'Who made the change: their id or name (any case).' })
  @IsOptional()
  actor?: string | null;
  @Field(() => [ChangeKindEnum], { nullable: true }) @IsOptional() kinds?: ChangeKind[] | null;
  @Field(() => RagStatusEnum, { nullable: true, description: 'Only RAG changes from this status.' })
  @IsOptional()
  ragFrom?: RagStatus | null;
  @Field(() => RagStatusEnum, { nullable: true, description: 'Only RAG changes to this status.' })
  @IsOptional()
  ragTo?: RagStatus | null;
}
