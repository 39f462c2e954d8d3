import { Field } from '@nestjs/graphql';
import { IsArray, IsOptional, ValidateBy } from 'class-validator';
import { faultInValue } from '../../graphql/acceptable-text.js';
import { LIMITS } from '../domain/text-rules.js';

/** Owners are compared word by word, letters and digits only: "=" or "—" would name no one. */
const namesSomeone = (owner: unknown) => typeof owner !== 'string' || /[\p{L}\p{N}]/u.test(owner);

/**
 * What is wrong with a list of owners, in order: more than LIMITS.owners as sent (repeats
 * included, so a list of a million names is refused before any of them is looked at), then the
 * text rule on each owner, then an owner with no letters or digits.
 */
function ownersFault(value: unknown): string | null {
  if (!Array.isArray(value)) return null;
  if (value.length > LIMITS.owners)
    return `an action can have at most ${LIMITS.owners} owners (got ${value.length})`;
  const text = faultInValue(value, {});
  if (text) return `owners[${text.index}] ${text.fault.message}`;
  const index = value.findIndex((owner) => !namesSomeone(owner));
  return index < 0 ? null : `owners[${index}] must name a role or team: it has no letters or digits`;
}

/** An action's owners as a GraphQL field, checked as `ownersFault` says. */
export function OwnersField(options: { nullable: boolean; description?: string }): PropertyDecorator {
  return (target, property) => {
    Field(() => [String], options)(target, property);
    if (options.nullable) IsOptional()(target, property);
    IsArray()(target, property);
    ValidateBy({
      name: 'owners',
      validator: {
        validate: (value: unknown) => ownersFault(value) === null,
        defaultMessage: (args) => ownersFault(args?.value) ?? 'owners are not valid',
      },
    })(target, property);
  };
}
