import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';

/** Per-request facts every change records: the correlation id ties a request's events together. */
export interface RequestContext {
  readonly correlationId: string;
  readonly actor?: string;
}

const CORRELATION_HEADER = 'x-correlation-id';
/**
 * Who is making the change, as the caller says. Provisional: nothing checks it until
 * authentication lands, when the signed-in user replaces it.
 */
const ACTOR_HEADER = 'x-actor';
const SAFE_ID = /^[A-Za-z0-9._:-]{1,100}$/;
/** Any printable text (roles such as "Service Manager / Ops (interim)"), no control characters. */
const SAFE_NAME = /^[^\p{Cc}]{1,200}$/u;

function header(request: FastifyRequest | undefined, name: string, pattern: RegExp): string | undefined {
  const value = request?.headers?.[name];
  const text = typeof value === 'string' ? value.trim() : undefined;
  return text && pattern.test(text) ? text : undefined;
}

export function requestContext(request: FastifyRequest | undefined): RequestContext {
  const actor = header(request, ACTOR_HEADER, SAFE_NAME);
  return {
    correlationId: header(request, CORRELATION_HEADER, SAFE_ID) ?? randomUUID(),
    ...(actor ? { actor } : {}),
  };
}
