import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';

/** Per-request facts every change records: the correlation id ties a request's events together. */
export interface RequestContext {
  readonly correlationId: string;
  readonly actor?: string;
}

const CORRELATION_HEADER = 'x-correlation-id';
const SAFE_ID = /^[A-Za-z0-9._:-]{1,100}$/;

export function requestContext(request: FastifyRequest | undefined): RequestContext {
  const header = request?.headers[CORRELATION_HEADER];
  const given = typeof header === 'string' && SAFE_ID.test(header) ? header : undefined;
  return { correlationId: given ?? randomUUID() };
}
