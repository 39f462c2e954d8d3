import { join } from 'node:path';
import { ConfigError } from '../../config.js';
import { loadOidcWebClient, WEB_CLIENT_VARIABLES, type OidcWebClient } from './oidc-web-client.js';

/** Which claims of a token carry the user's name, roles, owned teams and local authority. */
export interface ClaimNames {
  readonly name: string;
  readonly roles: string;
  readonly owns: string;
  readonly localAuthority: string;
}

/** Tokens from the council's own sign-in provider (OpenID Connect), checked against its published keys. */
export interface OidcAuthConfig {
  readonly mode: 'oidc';
  readonly issuer: string;
  readonly audience: string;
  readonly jwksUrl: string;
  readonly algorithms: readonly string[];
  readonly claims: ClaimNames;
  /** How the pages sign people in at the provider; left out, the API alone uses the provider. */
  readonly webClient?: OidcWebClient;
}

/** Tokens made by `npm run token`, signed with a key this application keeps in its data directory. */
export interface EmbeddedAuthConfig {
  readonly mode: 'embedded';
  readonly issuer: string;
  readonly audience: string;
  readonly algorithms: readonly ['ES256'];
  readonly claims: ClaimNames;
  readonly signingKeyFile: string;
}

export type AuthConfig = OidcAuthConfig | EmbeddedAuthConfig;

export const EMBEDDED_ISSUER = 'improvement-plan-tracker';
export const EMBEDDED_AUDIENCE = 'improvement-plan-tracker';
export const SIGNING_KEY_FILE_NAME = 'signing-key.json';

export const DEFAULT_CLAIMS: ClaimNames = {
  name: 'name',
  roles: 'roles',
  owns: 'owns',
  localAuthority: 'local_authority',
};

/**
 * Public-key algorithms only: an HS* secret would have to be shared with every verifier, and
 * `none` is no signature at all.
 */
export const ASYMMETRIC_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
  'Ed25519',
] as const;
const DEFAULT_ALGORITHMS = ['RS256', 'PS256', 'ES256'];

/** Hosts where plain http is fine, because the keys never cross a network (tests, a local provider). */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

const OIDC_ONLY_VARIABLES = [
  'AUTH_AUDIENCE',
  'AUTH_JWKS_URL',
  'AUTH_ALGORITHMS',
  'AUTH_NAME_CLAIM',
  'AUTH_ROLES_CLAIM',
  'AUTH_OWNS_CLAIM',
  'AUTH_AUTHORITY_CLAIM',
  ...WEB_CLIENT_VARIABLES,
] as const;

/** How sign-in tokens are checked, read once at start-up from the environment and validated. */
export function loadAuthConfig(env: NodeJS.ProcessEnv, dataDir: string): AuthConfig {
  const issuer = env.AUTH_ISSUER?.trim();
  if (!issuer) return embeddedConfig(env, dataDir);
  return {
    mode: 'oidc',
    issuer: secureUrl('AUTH_ISSUER', issuer),
    audience: required(env, 'AUTH_AUDIENCE'),
    jwksUrl: secureUrl('AUTH_JWKS_URL', required(env, 'AUTH_JWKS_URL')),
    algorithms: algorithms(env.AUTH_ALGORITHMS),
    claims: {
      name: claimName(env, 'AUTH_NAME_CLAIM', DEFAULT_CLAIMS.name),
      roles: claimName(env, 'AUTH_ROLES_CLAIM', DEFAULT_CLAIMS.roles),
      owns: claimName(env, 'AUTH_OWNS_CLAIM', DEFAULT_CLAIMS.owns),
      localAuthority: claimName(env, 'AUTH_AUTHORITY_CLAIM', DEFAULT_CLAIMS.localAuthority),
    },
    // After the settings above, so that a missing AUTH_AUDIENCE is reported first.
    ...webClientIn(env),
  };
}

function webClientIn(env: NodeJS.ProcessEnv): { webClient?: OidcWebClient } {
  const webClient = loadOidcWebClient(env, secureUrl);
  return webClient ? { webClient } : {};
}

function embeddedConfig(env: NodeJS.ProcessEnv, dataDir: string): EmbeddedAuthConfig {
  // Someone who set the audience but forgot the issuer believes the council's provider is in use;
  // quietly falling back to locally made tokens would let them find out in production.
  const stray = OIDC_ONLY_VARIABLES.filter((name) => env[name]?.trim());
  if (stray.length > 0) {
    throw new ConfigError(
      `${stray.join(', ')} ${stray.length === 1 ? 'is' : 'are'} set but AUTH_ISSUER is not: set AUTH_ISSUER ` +
        `(with AUTH_AUDIENCE and AUTH_JWKS_URL) to sign in through the council's provider, ` +
        `or unset them to use tokens made by npm run token`,
    );
  }
  return {
    mode: 'embedded',
    issuer: EMBEDDED_ISSUER,
    audience: EMBEDDED_AUDIENCE,
    algorithms: ['ES256'],
    claims: DEFAULT_CLAIMS,
    signingKeyFile: signingKeyFileIn(dataDir),
  };
}

/** Where the embedded sign-in keeps its private key: beside the event store, never in the repository. */
export const signingKeyFileIn = (dataDir: string): string => join(dataDir, SIGNING_KEY_FILE_NAME);

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name]?.trim();
  if (!value) throw new ConfigError(`${name} is required when AUTH_ISSUER is set`);
  return value;
}

/** Answers the URL as given; the keys and the issuer must not be open to tampering on the way. */
export function secureUrl(name: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`${name} must be a URL such as https://login.example.gov.uk/…`);
  }
  const loopback = LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    // Not echoed: a URL may carry credentials.
    throw new ConfigError(`${name} must be an https URL (plain http only for localhost or 127.0.0.1)`);
  }
  return value;
}

function algorithms(value: string | undefined): string[] {
  if (!value?.trim()) return DEFAULT_ALGORITHMS;
  const names = value
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  const refused = names.filter((name) => !(ASYMMETRIC_ALGORITHMS as readonly string[]).includes(name));
  if (names.length === 0 || refused.length > 0) {
    throw new ConfigError(
      `AUTH_ALGORITHMS must be a comma-separated list of ${ASYMMETRIC_ALGORITHMS.join(', ')} ` +
        `(never HS* or none)${refused.length > 0 ? `, got ${refused.map((n) => `"${n}"`).join(', ')}` : ''}`,
    );
  }
  return [...new Set(names)];
}

function claimName(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const value = env[name]?.trim();
  if (value === undefined || value === '') return fallback;
  if (/\s/.test(value)) throw new ConfigError(`${name} must be a claim name without spaces, got "${value}"`);
  return value;
}
