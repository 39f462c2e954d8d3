import { Catch, Logger, type ExceptionFilter } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { DomainError, type DomainErrorKind } from '../plans/domain/errors.js';
import { InvalidScalarValue } from '../plans/graphql/scalars.js';

const CODES: Record<DomainErrorKind, string> = {
  INVALID: 'BAD_USER_INPUT',
  PERSONAL_DATA_SUSPECTED: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
};

export function toGraphQLError(error: DomainError): GraphQLError {
  const extensions: Record<string, unknown> = { code: CODES[error.kind] };
  if (error.field) extensions.field = error.field;
  if (error.kind === 'PERSONAL_DATA_SUSPECTED') extensions.reason = error.kind;
  return new GraphQLError(error.message, { extensions });
}

/** The one place domain errors become GraphQL errors (code + field at fault). */
@Catch(DomainError)
export class DomainErrorFilter implements GqlExceptionFilter, ExceptionFilter {
  catch(error: DomainError): GraphQLError {
    return toGraphQLError(error);
  }
}

/** GraphQL's errors for variables name the path ("$input" at "input.dueBy")... */
const VARIABLE_PATH = /at "[^".]+\.([^"]+)"/;
const VARIABLE = /Variable "\$([^"]+)"/;

/** ...or, for a literal, the field is the name written just before the value. */
function literalField(error: GraphQLError): string | undefined {
  const start = error.nodes?.[0]?.loc?.start;
  if (start === undefined || !error.source) return undefined;
  return /(\w+)\s*:\s*$/.exec(error.source.body.slice(0, start))?.[1];
}

/** A scalar such as PlanDate rejected a value: GraphQL reports it as a validation failure. */
function isBadScalarValue(error: unknown): error is GraphQLError {
  return error instanceof GraphQLError && error.originalError instanceof InvalidScalarValue;
}

function fieldOf(formatted: GraphQLFormattedError, error: unknown): unknown {
  if (formatted.extensions?.field) return formatted.extensions.field;
  const path = VARIABLE_PATH.exec(formatted.message)?.[1] ?? VARIABLE.exec(formatted.message)?.[1];
  if (path) return path;
  return error instanceof GraphQLError ? literalField(error) : undefined;
}

const logger = new Logger('GraphQL');

/** Keeps user-facing errors specific and everything else opaque: no stack traces or internals leave. */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = isBadScalarValue(error) ? 'BAD_USER_INPUT' : formatted.extensions?.code;
  if (code === 'BAD_USER_INPUT' || code === 'GRAPHQL_VALIDATION_FAILED' || code === 'GRAPHQL_PARSE_FAILED') {
    const field = fieldOf(formatted, error);
    const extra = formatted.extensions?.reason ? { reason: formatted.extensions.reason } : {};
    return { ...formatted, extensions: { code, ...(field ? { field } : {}), ...extra } };
  }
  if (code === 'NOT_FOUND' || code === 'CONFLICT' || code === 'UNAUTHENTICATED' || code === 'FORBIDDEN') {
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  return {
    message: 'Internal server error',
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
