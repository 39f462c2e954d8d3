import { randomUUID } from 'node:crypto';
import type { Actor, Channel } from '../auth/domain/actor.js';
import type { Authentication } from '../auth/authenticator.js';
import { readIdempotencyKey, type IdempotencyKey } from '../plans/domain/idempotency.js';

/**
 * Per-request facts: who is asking (checked by the access guard before any resolver runs), the
 * correlation id that ties a request's events together, and the client's idempotency key.
 */
export interface RequestContext {
  readonly correlationId: string;
  readonly authentication: Authentication;
  /** The signed-in user acting through this channel; set whenever authentication succeeded. */
  readonly actor?: Actor;
  /**
   * The Idempotency-Key header, read once. A refused one is refused by the first change that uses
   * it (BAD_USER_INPUT), not here: a query sent with it still answers.
   */
  readonly idempotencyKey?: IdempotencyKey;
  /** The store position of the last change this request recorded: sent back in `extensions`. */
  readonly written: { position?: bigint };
}

const CORRELATION_HEADER = 'x-correlation-id';
const IDEMPOTENCY_HEADER = 'idempotency-key';
const SAFE_ID = /^[A-Za-z0-9._:-]{1,100}$/;

type Headers = Readonly<Record<string, unknown>> | undefined;

/** The caller's correlation id when it is a sensible one, else a new one. */
export function correlationIdOf(headers: Headers): string {
  const value = headers?.[CORRELATION_HEADER];
  const text = typeof value === 'string' ? value.trim() : undefined;
  return text && SAFE_ID.test(text) ? text : randomUUID();
}

/**
 * The key of an HTTP request. A live connection's upgrade request is not read: its headers would
 * give every mutation sent over the socket the same key.
 */
function idempotencyKeyOf(headers: Headers): IdempotencyKey | undefined {
  const upgrade = headers?.upgrade;
  if (typeof upgrade === 'string' && upgrade.toLowerCase() === 'websocket') return undefined;
  return readIdempotencyKey(headers?.[IDEMPOTENCY_HEADER]);
}

export function requestContext(
  headers: Headers,
  authentication: Authentication,
  via: Channel = 'api',
): RequestContext {
  const idempotencyKey = idempotencyKeyOf(headers);
  return {
    correlationId: correlationIdOf(headers),
    authentication,
    written: {},
    ...(idempotencyKey ? { idempotencyKey } : {}),
    ...(authentication.kind === 'signedIn' ? { actor: { ...authentication.user, via } } : {}),
  };
}
