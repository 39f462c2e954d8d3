import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({
  description:
    'What checking a plan’s hash chain found: each event’s SHA-256 commits to its content, its ' +
    'position and every event before it, so a change made directly in the store shows here.',
})
export class AuditTrailVerification {
  @Field({ description: 'Every stored hash matches the events as they are stored now.' })
  valid!: boolean;

  @Field(() => Int, {
    description:
      'Events a stored hash commits to: all of them once any event carries a hash (events recorded ' +
      'before tamper evidence existed are covered by the first hashed event); 0 if none does yet.',
  })
  eventsChecked!: number;

  @Field({
    description:
      'SHA-256 (hex) computed for the latest event. Recorded elsewhere (a board’s minutes), it shows ' +
      'later whether the history up to then was rewritten, even by someone who recomputed every hash.',
  })
  headHash!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'The version (1 = the first event) of the first event whose stored hash does not match.',
  })
  firstInvalidVersion!: number | null;
}
