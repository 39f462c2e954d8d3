import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ROLES, type RecordedActor, type Role } from '../domain/actor.js';

export const RoleEnum = Object.fromEntries(ROLES.map((role) => [role, role])) as { [K in Role]: K };
registerEnumType(RoleEnum, {
  name: 'Role',
  description:
    'VIEWER reads; EDITOR also updates actions (only owned ones when the token names owner roles); ' +
    'AUDITOR reads, travels in time and verifies the audit trail; ADMIN does everything.',
});

@ObjectType('Actor', { description: 'Who recorded a change, as their sign-in said at the time.' })
export class ActorType implements RecordedActor {
  @Field({ description: "The sign-in's subject: stable for a person across tokens." }) id!: string;
  @Field() name!: string;
  @Field(() => [RoleEnum], { description: 'The roles they held when they made the change.' })
  roles!: Role[];
  @Field(() => String, {
    description:
      'How the change came in: api, import-cli, cli or web; "unverified" for a name an earlier version ' +
      'took unchecked from a request header, before sign-in existed.',
  })
  via!: RecordedActor['via'];
}
