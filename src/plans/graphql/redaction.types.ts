import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { RecordedActor } from '../../auth/domain/actor.js';
import { ActorType } from '../../auth/graphql/actor.types.js';
import type { TextField } from '../domain/events.js';
import { DateTimeScalar } from './scalars.js';

export const TextFieldEnum: { [K in Uppercase<TextField>]: Lowercase<K> } = {
  TEXT: 'text',
  DESCRIPTION: 'description',
  REASON: 'reason',
};
registerEnumType(TextFieldEnum, {
  name: 'TextField',
  description: 'A free text of a recorded change: a note’s TEXT, an action’s DESCRIPTION, a REASON.',
});

@ObjectType('Redaction', {
  description:
    'A text erased because it held personal data by mistake; where it was shown, the text now reads ' +
    '"Redacted on <UK date> by <name>: <reason>".',
})
export class RedactionType {
  @Field(() => DateTimeScalar) redactedAt!: string;
  @Field(() => ActorType, { nullable: true }) redactedBy!: RecordedActor | null;
  @Field() reason!: string;
}
