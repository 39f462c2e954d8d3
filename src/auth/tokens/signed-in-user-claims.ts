import { isRole, type Role, type SignedInUser } from '../domain/actor.js';
import type { ClaimNames } from './auth-config.js';
import { InvalidTokenError } from './invalid-token-error.js';

/** Longest id, name, owner or authority a token may carry; anything longer is not a person's name. */
export const MAX_TEXT_LENGTH = 200;

/**
 * Control characters, line separators and bidirectional overrides: in a name they would rewrite
 * log lines or make the audit trail show one name while recording another.
 */
const UNPRINTABLE = /[\p{Cc}\p{Zl}\p{Zp}\u202A-\u202E\u2066-\u2069]/u;

/** Text fit to record as who did something: non-blank, printable, at most 200 characters. */
export const isPlainText = (value: unknown): value is string =>
  typeof value === 'string' &&
  value.trim() !== '' &&
  value.length <= MAX_TEXT_LENGTH &&
  !UNPRINTABLE.test(value);

/**
 * The signed-in user a verified token's claims describe. Pure. Anything unexpected makes the whole
 * token invalid rather than being dropped: a missing `owns` or authority would widen what the user
 * may do, and a role we do not know may be one the provider meant to restrict.
 */
export function signedInUserFromClaims(claims: Record<string, unknown>, names: ClaimNames): SignedInUser {
  const id = claims.sub;
  if (!isPlainText(id)) throw new InvalidTokenError('the subject (sub) is missing or not plain text');
  const exp = claims.exp;
  const localAuthority = authorityFrom(claimAt(claims, names.localAuthority), names.localAuthority);
  return {
    id,
    name: nameFrom(claims, names.name, id),
    roles: rolesFrom(claimAt(claims, names.roles), names.roles),
    owns: ownsFrom(claimAt(claims, names.owns), names.owns),
    ...(localAuthority !== undefined ? { localAuthority } : {}),
    ...(typeof exp === 'number' ? { expiresAt: exp * 1000 } : {}),
  };
}

/**
 * A claim by its whole name first (Auth0's are URLs, dots and all), else as a dotted path into nested
 * claims, as Keycloak keeps roles in `realm_access.roles`.
 */
function claimAt(claims: Record<string, unknown>, name: string): unknown {
  if (Object.hasOwn(claims, name)) return claims[name];
  return name
    .split('.')
    .reduce<unknown>(
      (value, key) =>
        typeof value === 'object' && value !== null && Object.hasOwn(value, key)
          ? (value as Record<string, unknown>)[key]
          : undefined,
      claims,
    );
}

/** The configured name claim, else the provider's user name, else the subject itself. */
function nameFrom(claims: Record<string, unknown>, claim: string, id: string): string {
  for (const candidate of [claim, 'preferred_username']) {
    const value = claimAt(claims, candidate);
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) continue;
    if (!isPlainText(value)) throw new InvalidTokenError(`the name claim "${candidate}" is not plain text`);
    return value.trim();
  }
  return id;
}

/** An array of role names, or one string of them separated by spaces (as OAuth scopes are). */
function rolesFrom(value: unknown, claim: string): Role[] {
  const names = typeof value === 'string' ? value.split(/\s+/).filter((name) => name !== '') : value;
  if (!Array.isArray(names) || names.length === 0) {
    throw new InvalidTokenError(`the roles claim "${claim}" is missing or empty`);
  }
  const unknown = names.filter((name) => !isRole(name));
  if (unknown.length > 0) {
    throw new InvalidTokenError(`the roles claim "${claim}" has unknown roles: ${JSON.stringify(unknown)}`);
  }
  return [...new Set(names as Role[])];
}

/** Owner roles or teams; a provider that flattens a one-item list sends a plain string. */
function ownsFrom(value: unknown, claim: string): string[] {
  if (value === undefined || value === null) return [];
  const owners = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(owners) || !owners.every(isPlainText)) {
    throw new InvalidTokenError(`the owns claim "${claim}" is not a list of plain text`);
  }
  return [...new Set(owners.map((owner) => owner.trim()))];
}

function authorityFrom(value: unknown, claim: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isPlainText(value))
    throw new InvalidTokenError(`the local authority claim "${claim}" is not plain text`);
  return value.trim();
}
