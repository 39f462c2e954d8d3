import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsIn, IsOptional, IsUUID, Length } from 'class-validator';
import { AcceptableText } from '../../graphql/acceptable-text.js';
import { DateScalar } from '../../plans/graphql/scalars.js';
import { ImportFormatEnum, type ImportFormat } from './import.types.js';

@InputType()
export class ImportPlanInput {
  @Field(() => ID, {
    nullable: true,
    description: 'Bring this plan in line with the file; left out, a new plan.',
  })
  @IsOptional()
  @IsUUID()
  planId?: string | null;
  @Field(() => String, { nullable: true, description: 'Title of a new plan (else the file’s own).' })
  @IsOptional()
  @AcceptableText({ blankAllowed: true })
  title?: string | null;
  @Field({ description: 'Named in the reason of every change: "imported from <fileName>".' })
  @Length(1, 255)
  @AcceptableText()
  fileName!: string;
  @Field(() => ImportFormatEnum) @IsIn(Object.values(ImportFormatEnum)) format!: ImportFormat;
  /** Not the text rule here: the import applies it to each cell, naming the row (see parse/cell-text.ts). */
  @Field(() => String, { nullable: true, description: 'The file as text (TEXT or CSV).' })
  @IsOptional()
  text?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'The file as base64 (XLSX, or a CSV in another encoding).',
  })
  @IsOptional()
  @AcceptableText({ blankAllowed: true })
  base64?: string | null;
  @Field({ defaultValue: false, description: 'Report what would change; record nothing.' })
  @IsBoolean()
  dryRun!: boolean;
  @Field({
    defaultValue: false,
    description: 'Record progress notes that seem to contain personal data (after checking them).',
  })
  @IsBoolean()
  acknowledgePersonalData!: boolean;
  @Field(() => DateScalar, {
    nullable: true,
    description:
      'The day the file’s changes took effect (a spreadsheet "as at 31 March" imported in April): every ' +
      'change it records says so (RAG changes, notes, reschedules, owners, revisions; a new plan, its ' +
      'themes and actions). Not in the future; left out, the day they are recorded.',
  })
  @IsOptional()
  effectiveDate?: string | null;
}
