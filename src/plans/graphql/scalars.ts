import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { isCalendarDate, isPlanDate } from '../domain/plan-date.js';
import { POINT_IN_TIME_FORMAT, readPointInTime } from '../domain/point-in-time.js';

/** GraphQL wraps this with the value's location; the error formatter reports it as BAD_USER_INPUT. */
export class InvalidScalarValue extends Error {}

function stringScalar(
  name: string,
  description: string,
  isValid: (value: string) => boolean,
  format: string,
) {
  const parse = (value: unknown): string => {
    if (typeof value !== 'string' || !isValid(value)) {
      throw new InvalidScalarValue(`${name} must be ${format}, got ${JSON.stringify(value)}`);
    }
    return value;
  };
  return new GraphQLScalarType<string, string>({
    name,
    description,
    serialize: (value) => String(value),
    parseValue: parse,
    parseLiteral: (ast: ValueNode) => parse(ast.kind === Kind.STRING ? ast.value : undefined),
  });
}

/** As plans write dates: a month "YYYY-MM" or a day "YYYY-MM-DD". */
export const PlanDateScalar = stringScalar(
  'PlanDate',
  'A month "YYYY-MM" (as plans are written, e.g. commencing December 2023) or a day "YYYY-MM-DD".',
  isPlanDate,
  'a month "YYYY-MM" or a date "YYYY-MM-DD"',
);

/** A calendar day, e.g. the day a change took effect. */
export const DateScalar = stringScalar(
  'Date',
  'A calendar day "YYYY-MM-DD".',
  isCalendarDate,
  'a date "YYYY-MM-DD"',
);

function toInstant(value: unknown): string {
  const point = readPointInTime(value);
  if (point) return point.toISOString();
  throw new InvalidScalarValue(`DateTime must be ${POINT_IN_TIME_FORMAT}, got ${JSON.stringify(value)}`);
}

/**
 * An instant, always answered in UTC ("2024-04-23T17:00:00.000Z"). Taken as an argument, a plain
 * day means the end of that UK day, as a board meeting does (see domain/point-in-time.ts).
 */
export const DateTimeScalar = new GraphQLScalarType<string, string>({
  name: 'DateTime',
  description:
    'An ISO-8601 instant with a time zone, e.g. "2024-04-23T18:00:00+01:00"; answered in UTC. ' +
    'As an argument, a plain day "2024-04-23" also works: it means the end of that day, UK time ' +
    '(23:59:59.999 BST or GMT), as a board meeting does.',
  serialize: (value) => (value instanceof Date ? value.toISOString() : String(value)),
  parseValue: toInstant,
  parseLiteral: (ast: ValueNode) => toInstant(ast.kind === Kind.STRING ? ast.value : undefined),
});
