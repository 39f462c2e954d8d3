import { randomUUID } from 'node:crypto';
import type { Actor, Channel } from '../auth/domain/actor.js';
import type { Authentication } from '../auth/authenticator.js';

/**
 * Per-request facts: who is asking (checked by the access guard before any resolver runs) and the
 * correlation id that ties a request's events together.
 */
export interface RequestContext {
  readonly correlationId: string;
  readonly authentication: Authentication;
  /** The signed-in user acting through this channel; set whenever authentication succeeded. */
  readonly actor?: Actor;
}

const CORRELATION_HEADER = 'x-correlation-id';
const SAFE_ID = /^[A-Za-z0-9._:-]{1,100}$/;

type Headers = Readonly<Record<string, unknown>> | undefined;

/** The caller's correlation id when it is a sensible one, else a new one. */
export function correlationIdOf(headers: Headers): string {
  const value = headers?.[CORRELATION_HEADER];
  const text = typeof value === 'string' ? value.trim() : undefined;
  return text && SAFE_ID.test(text) ? text : randomUUID();
}

export function requestContext(
  headers: Headers,
  authentication: Authentication,
  via: Channel = 'api',
): RequestContext {
  return {
    correlationId: correlationIdOf(headers),
    authentication,
    ...(authentication.kind === 'signedIn' ? { actor: { ...authentication.user, via } } : {}),
  };
}
