import { registerEnumType } from '@nestjs/graphql';
import { RAG_STATUSES, type RagStatus } from '../domain/rag.js';

const asEnum = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };

export const RagStatusEnum = asEnum<RagStatus>(RAG_STATUSES);
registerEnumType(RagStatusEnum, {
  name: 'RagStatus',
  description:
    'RED off track, AMBER some risk / in progress, GREEN on track or done, BLUE complete and embedded.',
  valuesMap: { NOT_RATED: { description: 'A blank RAG cell: not yet rated, which is not a colour.' } },
});

export const PlanStatusEnum = asEnum(['DRAFT', 'APPROVED', 'CLOSED'] as const);
registerEnumType(PlanStatusEnum, { name: 'PlanStatus' });

export const JudgementEnum = asEnum(['OUTSTANDING', 'GOOD', 'REQUIRES_IMPROVEMENT', 'INADEQUATE'] as const);
registerEnumType(JudgementEnum, { name: 'Judgement', description: 'The overall effectiveness judgement.' });
