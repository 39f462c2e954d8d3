import { Field, ID, InputType } from '@nestjs/graphql';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import type { TextField } from '../domain/events.js';
import { AcceptableText } from '../../graphql/acceptable-text.js';
import { TextFieldEnum } from './redaction.types.js';

@InputType({
  description:
    'One stored text to erase: a progress note by noteId, or the reason or description of one change ' +
    'by its eventId (PlanChange.eventId) and, when the change records both, the field.',
})
export class RedactTextInput {
  @Field(() => ID) @IsUUID() planId!: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @AcceptableText({ blankAllowed: true }) noteId?:
    string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @AcceptableText({ blankAllowed: true }) eventId?:
    string | null;
  @Field(() => TextFieldEnum, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(TextFieldEnum))
  field?: TextField | null;
  @Field({ description: 'Why it is erased; shown in its place. It must not identify a child either.' })
  @AcceptableText()
  reason!: string;
}
