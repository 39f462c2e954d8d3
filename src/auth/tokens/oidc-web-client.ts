import { ConfigError } from '../../config.js';

/** How the pages sign people in at the council's provider: authorization code with PKCE. */
export interface OidcWebClient {
  readonly clientId: string;
  /** Set for a confidential client; left out, a public client proves itself with PKCE alone. */
  readonly clientSecret?: string;
  /** How the secret is sent to the token endpoint (OpenID Connect's default is Basic). */
  readonly clientAuthMethod: ClientAuthMethod;
  /** Where the provider sends people back: `<PUBLIC_URL>/sign-in/callback`, registered there. */
  readonly redirectUrl: string;
  /** Where the provider sends people after signing out of it: `<PUBLIC_URL>/sign-in`. */
  readonly signedOutUrl: string;
  /** Space-separated, always with `openid`. */
  readonly scopes: string;
}

export const CLIENT_AUTH_METHODS = ['client_secret_basic', 'client_secret_post'] as const;
export type ClientAuthMethod = (typeof CLIENT_AUTH_METHODS)[number];

/** Settings that mean nothing without AUTH_CLIENT_ID (and nothing at all without AUTH_ISSUER). */
export const WEB_CLIENT_VARIABLES = [
  'AUTH_CLIENT_ID',
  'AUTH_CLIENT_SECRET',
  'AUTH_CLIENT_AUTH_METHOD',
  'AUTH_REDIRECT_URL',
  'AUTH_SCOPES',
] as const;

export const CALLBACK_PATH = '/sign-in/callback';
const DEFAULT_SCOPES = 'openid profile';

type CheckUrl = (name: string, value: string) => string;

/**
 * The pages' client at the provider, or undefined when AUTH_CLIENT_ID is not set: the API then
 * still accepts the provider's tokens, but nobody can sign in to the pages.
 */
export function loadOidcWebClient(env: NodeJS.ProcessEnv, secureUrl: CheckUrl): OidcWebClient | undefined {
  const clientId = env.AUTH_CLIENT_ID?.trim();
  if (!clientId) {
    const stray = WEB_CLIENT_VARIABLES.filter((name) => env[name]?.trim());
    if (stray.length === 0) return undefined;
    throw new ConfigError(
      `${stray.join(', ')} ${stray.length === 1 ? 'is' : 'are'} set but AUTH_CLIENT_ID is not: set ` +
        `AUTH_CLIENT_ID (the pages' client at the sign-in provider) or unset them`,
    );
  }
  if (/[\s\p{Cc}]/u.test(clientId)) throw new ConfigError('AUTH_CLIENT_ID must not contain spaces');
  const clientSecret = env.AUTH_CLIENT_SECRET?.trim() || undefined;
  const { redirectUrl, signedOutUrl } = callbackUrls(env, secureUrl);
  return {
    clientId,
    ...(clientSecret ? { clientSecret } : {}),
    clientAuthMethod: clientAuthMethod(env.AUTH_CLIENT_AUTH_METHOD, clientSecret),
    redirectUrl,
    signedOutUrl,
    scopes: scopes(env.AUTH_SCOPES),
  };
}

/** AUTH_REDIRECT_URL wins for the callback (e.g. behind a proxy that rewrites paths); PUBLIC_URL else. */
function callbackUrls(env: NodeJS.ProcessEnv, secureUrl: CheckUrl) {
  const publicUrl = env.PUBLIC_URL?.trim() ? siteUrl(secureUrl('PUBLIC_URL', env.PUBLIC_URL.trim())) : '';
  const redirect = env.AUTH_REDIRECT_URL?.trim();
  if (!redirect) {
    if (!publicUrl) {
      throw new ConfigError(
        `PUBLIC_URL (or AUTH_REDIRECT_URL) is required when AUTH_CLIENT_ID is set: the provider sends ` +
          `people back to <PUBLIC_URL>${CALLBACK_PATH}, e.g. PUBLIC_URL=https://plans.example-council.gov.uk`,
      );
    }
    return { redirectUrl: `${publicUrl}${CALLBACK_PATH}`, signedOutUrl: `${publicUrl}/sign-in` };
  }
  const url = new URL(secureUrl('AUTH_REDIRECT_URL', redirect));
  if (!url.pathname.endsWith(CALLBACK_PATH) || url.search || url.hash) {
    throw new ConfigError(
      `AUTH_REDIRECT_URL must end with ${CALLBACK_PATH} (no query), e.g. https://plans.example-council.gov.uk${CALLBACK_PATH}`,
    );
  }
  const site = `${url.origin}${url.pathname.slice(0, -CALLBACK_PATH.length)}`;
  return { redirectUrl: url.href, signedOutUrl: `${publicUrl || site}/sign-in` };
}

/** The site's address without a trailing slash, query or fragment. */
function siteUrl(value: string): string {
  const url = new URL(value);
  if (url.search || url.hash)
    throw new ConfigError('PUBLIC_URL must be the address of the site, without ? or #');
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

function clientAuthMethod(value: string | undefined, secret: string | undefined): ClientAuthMethod {
  const method = value?.trim();
  if (!method) return 'client_secret_basic';
  if (!secret) throw new ConfigError('AUTH_CLIENT_AUTH_METHOD is set but AUTH_CLIENT_SECRET is not');
  if (!(CLIENT_AUTH_METHODS as readonly string[]).includes(method)) {
    throw new ConfigError(`AUTH_CLIENT_AUTH_METHOD must be one of ${CLIENT_AUTH_METHODS.join(', ')}`);
  }
  return method as ClientAuthMethod;
}

function scopes(value: string | undefined): string {
  if (!value?.trim()) return DEFAULT_SCOPES;
  const names = value.trim().split(/\s+/);
  if (names.some((name) => /[\p{Cc}"\\]/u.test(name))) {
    throw new ConfigError('AUTH_SCOPES must be scope names separated by spaces');
  }
  if (!names.includes('openid')) {
    throw new ConfigError(
      `AUTH_SCOPES must include openid (sign-in needs an ID token), got "${value.trim()}"`,
    );
  }
  return [...new Set(names)].join(' ');
}
