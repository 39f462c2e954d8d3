import { createHash } from 'node:crypto';
import { SignJWT } from 'jose';
import { isRole, type Role } from '../domain/actor.js';
import { DEFAULT_CLAIMS, EMBEDDED_AUDIENCE, EMBEDDED_ISSUER, signingKeyFileIn } from './auth-config.js';
import { localSigningKey } from './local-signing-key.js';
import { isPlainText } from './signed-in-user-claims.js';

/** A year and a day at most: a forgotten token should not outlive the plan it was made for. */
export const MAX_TOKEN_DAYS = 366;

const SECONDS_PER_DAY = 86_400;

/** Who a locally made token is for, and for how long. */
export interface LocalTokenRequest {
  readonly name: string;
  readonly roles: readonly Role[];
  /** Owner roles or teams an EDITOR may change the actions of; none: every action. */
  readonly owns?: readonly string[];
  /** The one local authority whose plans the user sees; none: every authority. */
  readonly localAuthority?: string;
  /** Whole days the token is valid, 1 to 366; default 1. */
  readonly days?: number;
  /** The token's subject, the user's stable id; default `local:` and the name as a slug. */
  readonly subject?: string;
  /** When the token counts as made; default now. Lets a test make a token that has expired. */
  readonly issuedAt?: Date;
}

/**
 * A sign-in token for the embedded sign-in, signed with the key in `dataDir` (made on first use).
 * Throws RangeError for a request the verifier would refuse, so a mistake shows here and not at
 * sign-in.
 */
export async function mintLocalToken(dataDir: string, request: LocalTokenRequest): Promise<string> {
  const { name, roles, owns = [], localAuthority, days = 1, issuedAt = new Date() } = request;
  const subject = request.subject ?? localSubject(name);
  refuseUnverifiable({ ...request, subject, days, owns });
  const key = await localSigningKey(signingKeyFileIn(dataDir));
  const issuedAtSeconds = Math.floor(issuedAt.getTime() / 1000);
  return new SignJWT({
    [DEFAULT_CLAIMS.name]: name.trim(),
    [DEFAULT_CLAIMS.roles]: [...new Set(roles)],
    ...(owns.length > 0 ? { [DEFAULT_CLAIMS.owns]: owns.map((owner) => owner.trim()) } : {}),
    ...(localAuthority !== undefined ? { [DEFAULT_CLAIMS.localAuthority]: localAuthority.trim() } : {}),
  })
    .setProtectedHeader({ alg: 'ES256', kid: key.kid, typ: 'JWT' })
    .setIssuer(EMBEDDED_ISSUER)
    .setAudience(EMBEDDED_AUDIENCE)
    .setSubject(subject)
    .setIssuedAt(issuedAtSeconds)
    .setExpirationTime(issuedAtSeconds + days * SECONDS_PER_DAY)
    .sign(key.privateKey);
}

/**
 * `local:jo-smith` for "Jo Smith": readable in the audit trail. Two people of the same name share it,
 * hence `subject` (and the CLI's --subject); a name with no Latin letters or digits gets a hash.
 */
export function localSubject(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100)
    .replace(/-+$/, '');
  return `local:${slug || createHash('sha256').update(name.trim()).digest('hex').slice(0, 16)}`;
}

function refuseUnverifiable(request: LocalTokenRequest & { subject: string; days: number }): void {
  const { name, roles, owns = [], localAuthority, days, subject } = request;
  if (!isPlainText(name)) throw new RangeError('name must be printable text of at most 200 characters');
  if (!isPlainText(subject)) throw new RangeError('subject must be printable text of at most 200 characters');
  if (roles.length === 0 || !roles.every(isRole))
    throw new RangeError('roles must be one or more known roles');
  if (!owns.every(isPlainText))
    throw new RangeError('each owner must be printable text of at most 200 characters');
  if (localAuthority !== undefined && !isPlainText(localAuthority)) {
    throw new RangeError('localAuthority must be printable text of at most 200 characters');
  }
  if (!Number.isInteger(days) || days < 1 || days > MAX_TOKEN_DAYS) {
    throw new RangeError(`days must be a whole number from 1 to ${MAX_TOKEN_DAYS}`);
  }
}
