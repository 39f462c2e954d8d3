import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateScalar } from '../../plans/graphql/scalars.js';

export const ImportFormatEnum = { TEXT: 'TEXT', CSV: 'CSV', XLSX: 'XLSX' } as const;
export type ImportFormat = keyof typeof ImportFormatEnum;
registerEnumType(ImportFormatEnum, {
  name: 'ImportFormat',
  description:
    'TEXT: a Word table pasted as text (tab-separated); CSV and XLSX: the council spreadsheet layout.',
});

@ObjectType({
  description: 'Something about one line (or row) of the file; line is null for the whole file.',
})
export class ImportReportLine {
  @Field(() => Int, { nullable: true }) line!: number | null;
  @Field() message!: string;
}

@ObjectType({ description: 'What the import adds to the plan.' })
export class ImportSummary {
  @Field(() => Int) themesAdded!: number;
  @Field(() => Int) actionsAdded!: number;
  @Field(() => Int) ragChanges!: number;
  @Field(() => Int) progressNotesAdded!: number;
  @Field(() => Int) ownerChanges!: number;
  @Field(() => Int) reschedules!: number;
  @Field(() => Int) descriptionRevisions!: number;
  @Field(() => Int) themeRevisions!: number;
}

@ObjectType('ImportReport', {
  description: 'What an import did (or, in a dry run, would do). Any problem means nothing was recorded.',
})
export class ImportReportType {
  @Field(() => ID, { nullable: true, description: 'Null when no plan exists (a dry run of a new plan).' })
  planId!: string | null;
  @Field() dryRun!: boolean;
  @Field({ description: 'A new plan was (in a dry run: would be) created.' }) created!: boolean;
  @Field(() => DateScalar, {
    nullable: true,
    description: 'The day the changes took effect, as asked; null: the day they were recorded.',
  })
  effectiveDate!: string | null;
  @Field(() => ImportSummary) summary!: ImportSummary;
  @Field(() => [ImportReportLine], { description: 'Each change recorded, in order.' })
  changes!: ImportReportLine[];
  @Field(() => [ImportReportLine]) warnings!: ImportReportLine[];
  @Field(() => [ImportReportLine]) problems!: ImportReportLine[];
  @Field(() => Int) appendedEvents!: number;
}
