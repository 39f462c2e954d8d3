import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { RecordedActor } from '../../auth/domain/actor.js';
import { ActorType } from '../../auth/graphql/actor.types.js';
import type { ChangeKind } from '../../history/domain/plan-change.js';
import { ChangeKindEnum } from '../../history/graphql/history.types.js';
import type { TextField } from '../../plans/domain/events.js';
import { TextFieldEnum } from '../../plans/graphql/redaction.types.js';
import { DateScalar, DateTimeScalar } from '../../plans/graphql/scalars.js';
import type { SearchHitKind } from '../domain/searchable-texts.js';

export const SearchHitKindEnum: { [K in SearchHitKind]: K } = {
  DESCRIPTION: 'DESCRIPTION',
  NOTE: 'NOTE',
  REASON: 'REASON',
  THEME_TITLE: 'THEME_TITLE',
};
registerEnumType(SearchHitKindEnum, {
  name: 'SearchHitKind',
  description:
    'An action’s DESCRIPTION (as added or revised), a progress NOTE, the REASON given for a change, ' +
    'or a THEME_TITLE.',
});

@ObjectType({
  description: 'Where a query word shows in a text: UTF-16 offsets (as JavaScript slices), end exclusive.',
})
export class TextSpan {
  @Field(() => Int) start!: number;
  @Field(() => Int) end!: number;
}

@ObjectType({ description: 'A text of the plan that holds every word of the search.' })
export class PlanSearchHit {
  @Field(() => SearchHitKindEnum) kind!: SearchHitKind;
  @Field(() => ChangeKindEnum, { description: 'The change that recorded the text.' }) changeKind!: ChangeKind;
  @Field(() => ID, { description: 'The event that recorded the text (what redactText names).' })
  eventId!: string;
  @Field(() => TextFieldEnum, {
    nullable: true,
    description: 'The field of that event; null for a theme title.',
  })
  field!: TextField | null;
  @Field(() => ID, { nullable: true }) actionId!: string | null;
  @Field(() => String, { nullable: true }) actionRef!: string | null;
  @Field(() => ID, { nullable: true }) themeId!: string | null;
  @Field(() => ID, { nullable: true, description: 'The progress note, for a NOTE.' }) noteId!: string | null;
  @Field({ description: 'The whole text as the plan holds it now (the redaction notice once erased).' })
  text!: string;
  @Field(() => [TextSpan], { description: 'Each word of the text that matches a word of the search.' })
  highlights!: readonly TextSpan[];
  @Field(() => DateTimeScalar) recordedAt!: string;
  @Field(() => DateScalar, { nullable: true, description: 'The day it took effect, when given.' })
  effectiveDate!: string | null;
  @Field(() => ActorType, { nullable: true, description: 'Who recorded it.' }) actor!: RecordedActor | null;
  @Field({ description: 'A description or theme title since revised: history, not what the plan shows now.' })
  superseded!: boolean;
  @Field({ description: 'The text was erased; it reads as the redaction notice.' }) redacted!: boolean;
}

@ObjectType({ description: 'The best hits of a search within a plan, and how many texts matched.' })
export class PlanSearchResult {
  @Field(() => Int) totalCount!: number;
  @Field(() => [PlanSearchHit]) hits!: readonly PlanSearchHit[];
}
