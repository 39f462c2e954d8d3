import { createLocalJWKSet, createRemoteJWKSet, errors, type JWTVerifyGetKey } from 'jose';

/** Where warnings go: the server passes its logger, tests collect them. */
export type WarnAbout = (message: string) => void;

export interface ProviderKeyTimings {
  /** Least time between two fetches of the key set, after a token with a key not seen before. */
  readonly cooldownMs?: number;
  /** How long a fetched key set is used before it is fetched again. */
  readonly cacheMaxAgeMs?: number;
  /** How long to wait for the provider to answer. */
  readonly timeoutMs?: number;
}

const DEFAULT_COOLDOWN_MS = 30_000;
const DEFAULT_CACHE_MAX_AGE_MS = 10 * 60_000;
const DEFAULT_TIMEOUT_MS = 5_000;

/** Errors that say something about the token, not about reaching the provider. */
const TOKEN_ERRORS = [errors.JWKSNoMatchingKey, errors.JWKSMultipleMatchingKeys, errors.JOSENotSupported];

/**
 * The sign-in provider's published keys (its JWKS), fetched when first needed and again, at most once
 * per cooldown, for a token whose key id is new: that is how a rotated key is picked up without a
 * restart.
 *
 * jose keeps the keys it fetched, but once they are older than the cache age it fetches again before
 * every verification and fails when the provider cannot be reached, so an outage of the provider
 * would sign everybody out. Here, while the provider is unreachable, the keys fetched last keep
 * verifying the tokens they signed (a new key cannot be learnt, so its tokens are refused), and the
 * provider is asked again only after the cooldown, so no request waits on a dead endpoint.
 */
export function providerKeys(
  jwksUrl: string,
  warn: WarnAbout,
  {
    cooldownMs = DEFAULT_COOLDOWN_MS,
    cacheMaxAgeMs = DEFAULT_CACHE_MAX_AGE_MS,
    timeoutMs = DEFAULT_TIMEOUT_MS,
  } = {},
): JWTVerifyGetKey {
  const remote = createRemoteJWKSet(new URL(jwksUrl), {
    cooldownDuration: cooldownMs,
    cacheMaxAge: cacheMaxAgeMs,
    timeoutDuration: timeoutMs,
  });
  let outage: { readonly retryAt: number; readonly lastKnown?: JWTVerifyGetKey } | undefined;

  return async (header, token) => {
    if (outage && Date.now() < outage.retryAt) return keyFromLastKnown(outage.lastKnown, header, token);
    try {
      const key = await remote(header, token);
      outage = undefined;
      return key;
    } catch (error) {
      if (TOKEN_ERRORS.some((type) => error instanceof type)) throw error;
      const known = remote.jwks();
      outage = {
        retryAt: Date.now() + cooldownMs,
        ...(known ? { lastKnown: createLocalJWKSet(known) } : {}),
      };
      warn(
        `Cannot fetch the sign-in provider's keys from ${jwksUrl} (${reasonOf(error)}): ` +
          (known
            ? 'tokens signed with the keys fetched earlier still verify; tokens with a new key are refused'
            : 'no keys are known yet, so every token is refused') +
          ` until it answers (next try in ${Math.round(cooldownMs / 1000)} s)`,
      );
      return keyFromLastKnown(outage.lastKnown, header, token);
    }
  };
}

function keyFromLastKnown(
  lastKnown: JWTVerifyGetKey | undefined,
  ...[header, token]: Parameters<JWTVerifyGetKey>
): ReturnType<JWTVerifyGetKey> {
  if (!lastKnown) throw new Error("the sign-in provider's keys cannot be fetched");
  return lastKnown(header, token);
}

/** Node's fetch says only "fetch failed"; the cause says "connection refused". */
function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}
