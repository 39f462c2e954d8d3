import { Field, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, ValidateNested } from 'class-validator';
import { AcceptableText } from '../../graphql/acceptable-text.js';
import { EVIDENCE_KINDS, MAX_EVIDENCE, type EvidenceKind } from '../domain/evidence.js';

/* Evidence behind a RAG change or a note: one GraphQL shape for both kinds, checked by the domain. */

export const EvidenceKindEnum: { [K in EvidenceKind]: K } = { DOCUMENT: 'DOCUMENT', MEASURE: 'MEASURE' };
registerEnumType(EvidenceKindEnum, {
  name: 'EvidenceKind',
  description:
    'DOCUMENT: a report, minutes or dashboard, by title with a reference and/or a link. ' +
    'MEASURE: a performance measure with its value and period, e.g. "Caseload average", "18", "Q2 2024-25".',
});

@InputType({ description: 'A document or a measure cited as evidence: at most 5 per change.' })
export class EvidenceInput {
  @Field(() => EvidenceKindEnum) @IsIn(EVIDENCE_KINDS) kind!: EvidenceKind;
  @Field({ description: 'What it is: "Supervision audit report", "Caseload average".' })
  @AcceptableText()
  title!: string;
  @Field(() => String, { nullable: true, description: 'DOCUMENT only: the council’s reference.' })
  @IsOptional()
  @AcceptableText({ blankAllowed: true })
  reference?: string | null;
  @Field(() => String, { nullable: true, description: 'DOCUMENT only: an https:// or http:// link.' })
  @IsOptional()
  @AcceptableText({ blankAllowed: true })
  url?: string | null;
  @Field(() => String, { nullable: true, description: 'MEASURE only, required: "18", "92%".' })
  @IsOptional()
  @AcceptableText({ blankAllowed: true })
  value?: string | null;
  @Field(() => String, { nullable: true, description: 'MEASURE only, required: "Q2 2024-25".' })
  @IsOptional()
  @AcceptableText({ blankAllowed: true })
  period?: string | null;
}

/** Decorators for the `evidence` field of an input: optional, a short list, each item checked. */
export function EvidenceField(): PropertyDecorator {
  return (target, property) => {
    Field(() => [EvidenceInput], {
      nullable: true,
      description:
        'Documents and measures behind the change, shown beside the reason in history and board packs.',
    })(target, property);
    IsOptional()(target, property);
    IsArray()(target, property);
    ArrayMaxSize(MAX_EVIDENCE, { message: `Cite at most ${MAX_EVIDENCE} items of evidence` })(
      target,
      property,
    );
    ValidateNested({ each: true })(target, property);
    Type(() => EvidenceInput)(target, property);
  };
}

@ObjectType('Evidence', { description: 'A document or a measure cited by a RAG change or a note.' })
export class EvidenceType {
  @Field(() => EvidenceKindEnum) kind!: EvidenceKind;
  @Field() title!: string;
  @Field(() => String, { nullable: true, description: 'DOCUMENT: the council’s reference.' })
  reference?: string | null;
  @Field(() => String, { nullable: true, description: 'DOCUMENT: its link.' }) url?: string | null;
  @Field(() => String, { nullable: true, description: 'MEASURE: its value, e.g. "18".' })
  value?: string | null;
  @Field(() => String, { nullable: true, description: 'MEASURE: its period, e.g. "Q2 2024-25".' })
  period?: string | null;
}
