import { createHash } from 'node:crypto';
import { canonicalJson } from '../../shared/canonical-json.js';
import { invalid } from './errors.js';

/**
 * Idempotent requests: a client that resends a change with the same Idempotency-Key (a timeout, a
 * crash, a retry) gets the first answer and nothing is recorded twice. The key travels in the
 * metadata of every event of the request, so any instance, before or after a restart, can tell.
 */

/** How long a key is remembered. A retry after that is decided afresh (ids it names already exist). */
export const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;

/** The header, and the field named when it is refused. */
export const IDEMPOTENCY_KEY_FIELD = 'Idempotency-Key';

/** The header as read once per request: a usable key, or why it is refused. */
export type IdempotencyKey = { readonly key: string } | { readonly refused: string };

/** What the rules need of a request: its key, who sent it, and (for an import) what it asked. */
export interface KeyedOrigin {
  readonly idempotencyKey?: IdempotencyKey;
  readonly actor?: { readonly id: string };
  /** What the request asked, when its commands alone do not say (an import's are worked out). */
  readonly requestFingerprint?: string;
}

/** A request with a key, about to change one plan. */
export interface KeyedRequest {
  /** SHA-256 of the user's id and their key: the same key from two users is two keys. */
  readonly requestKey: string;
  readonly planId: string;
  /** SHA-256 of what was asked, to tell a repeat from a key reused for another change. */
  readonly fingerprint: string;
}

/** A keyed request as its first event recorded it. */
export interface RecordedRequest extends KeyedRequest {
  readonly recordedAt: string;
  /** The event's revision in the plan's stream: the plan before the request is at this version. */
  readonly revision: number;
  readonly position: bigint;
}

export type PriorRequest =
  | { readonly kind: 'none' }
  | { readonly kind: 'repeat'; readonly first: RecordedRequest }
  | { readonly kind: 'different' };

const PRINTABLE_ASCII = /^[\x20-\x7e]{1,200}$/;

/** Reads the header's value; undefined when the request carried none. */
export function readIdempotencyKey(value: unknown): IdempotencyKey | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && PRINTABLE_ASCII.test(value)) return { key: value };
  return { refused: 'The Idempotency-Key header must be 1 to 200 printable ASCII characters' };
}

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * The key as recorded: hashed with the user's id, so that a client's free text never enters the
 * log (which nothing can rewrite) and two users' keys never meet.
 */
export const requestKeyOf = (actorId: string, key: string): string => sha256(canonicalJson([actorId, key]));

/** What a list of commands asks, ids included: a retry of one request asks exactly the same. */
export const fingerprintOf = (changes: readonly { readonly type: string; readonly data: object }[]): string =>
  sha256(canonicalJson(changes.map(({ type, data }) => ({ type, data }))));

/**
 * The id of something a keyed request creates (the new plan, note, action...), the same on every
 * retry, so a repeat lands on the same stream and finds the same thing. Shaped as a version-5 UUID
 * (from SHA-256, not SHA-1: it is a name-based id nobody needs to compute elsewhere).
 */
function idFromRequestKey(requestKey: string, purpose: string): string {
  const bytes = createHash('sha256').update(`${requestKey}/${purpose}`, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The usable key of a request; throws BAD_USER_INPUT for a refused one. */
function keyOf(origin: KeyedOrigin): string | undefined {
  const { idempotencyKey } = origin;
  if (idempotencyKey && 'refused' in idempotencyKey)
    throw invalid(IDEMPOTENCY_KEY_FIELD, idempotencyKey.refused);
  return idempotencyKey?.key;
}

/** The id for `purpose` when the request has a key and a signed-in user; else undefined (choose one). */
export function idFromKey(origin: KeyedOrigin, purpose: string): string | undefined {
  const key = keyOf(origin);
  return key !== undefined && origin.actor
    ? idFromRequestKey(requestKeyOf(origin.actor.id, key), purpose)
    : undefined;
}

/** The request to look for; undefined without a key, or without a user (every change is then refused). */
export function keyedRequest(
  origin: KeyedOrigin,
  planId: string,
  changes: readonly { readonly type: string; readonly data: object }[],
): KeyedRequest | undefined {
  const key = keyOf(origin);
  if (key === undefined || !origin.actor) return undefined;
  const fingerprint = origin.requestFingerprint ?? fingerprintOf(changes);
  return { requestKey: requestKeyOf(origin.actor.id, key), planId, fingerprint };
}

/**
 * Was this request recorded already, within the window? The earliest recording counts: the same
 * plan and fingerprint is a repeat, anything else means the key was reused for another change.
 */
export function priorRequest(
  recorded: Iterable<RecordedRequest>,
  request: KeyedRequest,
  now: Date,
): PriorRequest {
  const since = now.getTime() - IDEMPOTENCY_WINDOW_MS;
  let first: RecordedRequest | undefined;
  for (const candidate of recorded) {
    if (candidate.requestKey !== request.requestKey || Date.parse(candidate.recordedAt) <= since) continue;
    if (!first || candidate.position < first.position) first = candidate;
  }
  if (!first) return { kind: 'none' };
  const same = first.planId === request.planId && first.fingerprint === request.fingerprint;
  return same ? { kind: 'repeat', first } : { kind: 'different' };
}

export const keyReusedForAnotherChange = () =>
  invalid(IDEMPOTENCY_KEY_FIELD, 'This key was already used for a different change');
