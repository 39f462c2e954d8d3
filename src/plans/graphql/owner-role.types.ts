import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsOptional, IsUUID } from 'class-validator';
import { AcceptableText } from '../../graphql/acceptable-text.js';

@ObjectType({
  description:
    "A role on the plan's list of owner roles. Once a plan has a list, actions are owned only by listed " +
    'roles, recorded as the list spells them; an alias given anywhere an owner is named stands for the role.',
})
export class OwnerRole {
  @Field({ description: 'As recorded on actions, e.g. "Lead IRO".' }) name!: string;
  @Field(() => [String], { description: 'Other names written for it, e.g. "LIRO".' }) aliases!: string[];
  @Field(() => Int, { description: 'Actions not withdrawn that the role owns (by its name or an alias).' })
  actionCount!: number;
}

/* Shape checks only; the domain owns every rule (names and aliases unique across the list). */

@InputType({
  description:
    'A role to add to the plan’s list of owner roles, or, when a role of that name (case and punctuation ' +
    'aside) is listed, its new spelling and aliases (they replace the old ones).',
})
export class ListOwnerRoleInput {
  @Field(() => ID) @IsUUID() planId!: string;
  @Field() @AcceptableText() name!: string;
  @Field(() => [String], { nullable: true, description: 'Left out: none.' })
  @IsOptional()
  @AcceptableText()
  aliases?: string[] | null;
}

@InputType({ description: 'A role to take off the list; refused while an action still in the plan has it.' })
export class RetireOwnerRoleInput {
  @Field(() => ID) @IsUUID() planId!: string;
  @Field() @AcceptableText() name!: string;
  @Field() @AcceptableText() reason!: string;
}
