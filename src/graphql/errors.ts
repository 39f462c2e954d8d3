import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { GqlContextType, GqlExceptionFilter } from '@nestjs/graphql';
import type { FastifyReply } from 'fastify';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { StoreUnavailableError } from '../event-store/event-store.port.js';
import { DomainError, type DomainErrorKind } from '../plans/domain/errors.js';
import { InvalidScalarValue } from '../plans/graphql/scalars.js';
import { isTooManyTokens, TOO_MANY_TOKENS } from './request-limits.js';

const logger = new Logger('GraphQL');

const CODES: Record<DomainErrorKind, string> = {
  INVALID: 'BAD_USER_INPUT',
  PERSONAL_DATA_SUSPECTED: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
};

export function toGraphQLError(error: DomainError): GraphQLError {
  const extensions: Record<string, unknown> = { code: CODES[error.kind] };
  if (error.field) extensions.field = error.field;
  if (error.kind === 'PERSONAL_DATA_SUSPECTED') extensions.reason = error.kind;
  return new GraphQLError(error.message, { extensions });
}

const HTTP_STATUS: Record<DomainErrorKind, number> = {
  INVALID: 400,
  PERSONAL_DATA_SUSPECTED: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
};

/**
 * The one place domain errors become API errors: a GraphQL error (code + field at fault) on
 * /graphql, JSON `{ statusCode, code, message, field }` with the matching status on plain HTTP routes.
 */
@Catch(DomainError, StoreUnavailableError)
export class DomainErrorFilter implements GqlExceptionFilter, ExceptionFilter {
  catch(error: DomainError | StoreUnavailableError, host: ArgumentsHost): GraphQLError | void {
    if (error instanceof StoreUnavailableError) return unavailable(error, host);
    if (host.getType<GqlContextType>() === 'graphql') return toGraphQLError(error);
    const statusCode = HTTP_STATUS[error.kind];
    void host
      .switchToHttp()
      .getResponse<FastifyReply>()
      .status(statusCode)
      .header('cache-control', 'no-store')
      .send({ statusCode, code: CODES[error.kind], message: error.message, field: error.field ?? null });
  }
}

const UNAVAILABLE_MESSAGE = 'The service is briefly unavailable: try again shortly';

/**
 * The store could not be reached within its retry budget: a retryable 503 with a Retry-After hint
 * (GraphQL: code UNAVAILABLE and extensions.retryAfterSeconds). Trying again is safe: a change
 * that was stored after all is recognised by its idempotency key or event ids.
 */
function unavailable(error: StoreUnavailableError, host: ArgumentsHost): GraphQLError | void {
  logger.warn(error.message);
  const retryAfterSeconds = error.retryAfterSeconds;
  const retryAfter = String(retryAfterSeconds);
  if (host.getType<GqlContextType>() === 'graphql') {
    return new GraphQLError(UNAVAILABLE_MESSAGE, {
      extensions: {
        code: 'UNAVAILABLE',
        retryAfterSeconds,
        http: { status: 503, headers: new Map([['retry-after', retryAfter]]) },
      },
    });
  }
  void host
    .switchToHttp()
    .getResponse<FastifyReply>()
    .status(503)
    .header('retry-after', retryAfter)
    .header('cache-control', 'no-store')
    .send({ statusCode: 503, code: 'UNAVAILABLE', message: UNAVAILABLE_MESSAGE, retryAfterSeconds });
}

/** A required input field left out: 'Field "ChangeRagStatusInput.reason" of required type...'. */
const MISSING_FIELD = /Field "(?:\w+\.)?(\w+)" of required type/;
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
  const missing = MISSING_FIELD.exec(formatted.message)?.[1];
  const path = VARIABLE_PATH.exec(formatted.message)?.[1];
  if (missing) return path ? `${path}.${missing}` : missing;
  if (path) return path;
  const variable = VARIABLE.exec(formatted.message)?.[1];
  if (variable) return variable;
  return error instanceof GraphQLError ? literalField(error) : undefined;
}

const INPUT_CODES = new Set(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED']);

/** graphql-js stops coercing variables after 50 bad values and adds an error of its own, with no code. */
const TOO_MANY_VARIABLE_ERRORS =
  'Too many errors processing variables, error limit reached. Execution aborted.';

/**
 * Keeps errors about the request specific (code, the field at fault) and everything else opaque:
 * no stack traces or internals leave; those go to the log.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  if (isTooManyTokens(formatted.message)) {
    return { message: TOO_MANY_TOKENS, extensions: { code: 'BAD_USER_INPUT', field: 'query' } };
  }
  if (formatted.message === TOO_MANY_VARIABLE_ERRORS) {
    return {
      message: 'Too many invalid values in the variables: the first 50 are listed',
      extensions: { code: 'BAD_USER_INPUT', field: 'variables' },
    };
  }
  const code = isBadScalarValue(error) ? 'BAD_USER_INPUT' : formatted.extensions?.code;
  if (typeof code !== 'string' || code === 'INTERNAL_SERVER_ERROR') {
    logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return {
      message: 'Internal server error',
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  }
  const field = INPUT_CODES.has(code) ? fieldOf(formatted, error) : formatted.extensions?.field;
  const reason = formatted.extensions?.reason;
  const retryAfterSeconds = formatted.extensions?.retryAfterSeconds;
  return {
    ...formatted,
    extensions: {
      code,
      ...(field ? { field } : {}),
      ...(reason ? { reason } : {}),
      ...(retryAfterSeconds ? { retryAfterSeconds } : {}),
    },
  };
}
