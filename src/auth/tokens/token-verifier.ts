import { createLocalJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { SignedInUser } from '../domain/actor.js';
import type { AuthConfig } from './auth-config.js';
import { InvalidTokenError } from './invalid-token-error.js';
import { localSigningKey } from './local-signing-key.js';
import { providerKeys, type ProviderKeyTimings, type WarnAbout } from './provider-keys.js';
import { signedInUserFromClaims } from './signed-in-user-claims.js';

export { InvalidTokenError } from './invalid-token-error.js';

/** Who a sign-in token says is asking, once its signature, issuer, audience and lifetime check out. */
export interface TokenVerifier {
  /** Rejects with InvalidTokenError for any token that does not prove who is asking. */
  verify(token: string): Promise<SignedInUser>;
}

/** Clocks of the provider and this server disagree a little; more than this and the token is refused. */
export const CLOCK_TOLERANCE_SECONDS = 30;

/** Longer than any real token; refusing early spares decoding a megabyte of base64 per request. */
const MAX_TOKEN_LENGTH = 16_384;

export interface TokenVerifierOptions extends ProviderKeyTimings {
  /** Where to say that the provider's keys cannot be fetched; default standard error. */
  readonly warn?: WarnAbout;
}

/**
 * The verifier for the configured sign-in: the council's provider's published keys, or the embedded
 * key (made on first use, so the server and `npm run token` share it).
 */
export async function createTokenVerifier(
  config: AuthConfig,
  options: TokenVerifierOptions = {},
): Promise<TokenVerifier> {
  const warn = options.warn ?? ((message: string) => process.stderr.write(`${message}\n`));
  const keys =
    config.mode === 'oidc'
      ? providerKeys(config.jwksUrl, warn, options)
      : createLocalJWKSet({ keys: [(await localSigningKey(config.signingKeyFile)).publicJwk] });
  return tokenVerifier(config, keys);
}

/** Checks tokens against the given keys; keys are looked up by the token's `kid`. */
export function tokenVerifier(config: AuthConfig, keys: JWTVerifyGetKey): TokenVerifier {
  return {
    async verify(token) {
      if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH) {
        throw new InvalidTokenError('not a token, or longer than any real token');
      }
      let claims;
      try {
        ({ payload: claims } = await jwtVerify(token, keys, {
          issuer: config.issuer,
          audience: config.audience,
          // Without this list, the token's own header would choose how it is checked.
          algorithms: [...config.algorithms],
          clockTolerance: CLOCK_TOLERANCE_SECONDS,
          requiredClaims: ['exp', 'sub'],
        }));
      } catch (error) {
        throw new InvalidTokenError(reasonOf(error), { cause: error });
      }
      return signedInUserFromClaims(claims, config.claims);
    },
  };
}

function reasonOf(error: unknown): string {
  if (error instanceof errors.JOSEError) return `${error.code}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}
