import { Inject, Injectable, Logger, Optional, type OnApplicationBootstrap } from '@nestjs/common';
import * as client from 'openid-client';
import type { AuthConfig } from '../../auth/tokens/auth-config.js';
import type { OidcWebClient } from '../../auth/tokens/oidc-web-client.js';
import type { OidcFlow } from './oidc-flow.js';
import { OidcSignInError } from './oidc-sign-in-error.js';

/** The application's sign-in settings (`AppConfig.auth`, null for the embedded default). */
export const OIDC_AUTH_CONFIG = Symbol('OidcAuthConfig');

/** A provider that has not answered by then is treated as down; the page says so. */
const TIMEOUT_SECONDS = 10;

const UNREACHABLE =
  "your council's sign-in service cannot be reached just now. Try again in a few minutes, " +
  'or tell whoever runs this service if it keeps happening.';
const NOT_SET_UP =
  'signing in to these pages has not been set up. Tell whoever runs this service (AUTH_CLIENT_ID is not set).';
const NOT_CHECKED =
  "the answer from your council's sign-in service could not be checked. Start again from this page.";

interface Settings {
  readonly issuer: string;
  readonly webClient?: OidcWebClient;
}

/**
 * The council's OpenID Connect provider as the pages' client sees it. Its metadata is discovered
 * lazily (warmed up at start, retried at each sign-in until it answers, then kept), so the app starts
 * and the API keeps working while the provider is down.
 */
@Injectable()
export class OidcProvider implements OnApplicationBootstrap {
  private readonly logger = new Logger('SignIn');
  private readonly settings?: Settings;
  private discovery?: Promise<client.Configuration>;
  private discovered?: client.Configuration;

  // Optional so that a module without the setting still starts, with the provider sign-in off.
  constructor(@Optional() @Inject(OIDC_AUTH_CONFIG) auth: AuthConfig | null = null) {
    if (auth?.mode === 'oidc') this.settings = { issuer: auth.issuer, webClient: auth.webClient };
  }

  /** Whether the pages sign in through the provider (else the embedded token page). */
  get enabled(): boolean {
    return this.settings !== undefined;
  }

  onApplicationBootstrap(): void {
    if (this.settings?.webClient) this.configuration().catch(() => undefined);
  }

  /**
   * Where the pages' forms may lead: POSTs that answer with a redirect to the provider (sign-in,
   * sign-out) are blocked by the browser unless CSP form-action names its origin.
   */
  formActionSources(): readonly string[] {
    if (!this.settings?.webClient) return [];
    const metadata = this.discovered?.serverMetadata();
    const urls = [this.settings.issuer, metadata?.authorization_endpoint, metadata?.end_session_endpoint];
    return [...new Set(urls.filter((url) => url !== undefined).map((url) => new URL(url).origin))];
  }

  /** The provider's authorization URL for this flow: code, PKCE (S256), state and nonce. */
  async authorizationUrl(flow: OidcFlow): Promise<URL> {
    const webClient = this.webClient();
    const configuration = await this.configuration();
    return client.buildAuthorizationUrl(configuration, {
      response_type: 'code',
      redirect_uri: webClient.redirectUrl,
      scope: webClient.scopes,
      code_challenge: await client.calculatePKCECodeChallenge(flow.codeVerifier),
      code_challenge_method: 'S256',
      state: flow.state,
      nonce: flow.nonce,
    });
  }

  /**
   * Exchanges the code the provider sent back (with the PKCE verifier) for tokens; openid-client
   * checks the state, the ID token's issuer, audience, lifetime and nonce. Answers the access token.
   */
  async accessToken(callback: URLSearchParams, flow: OidcFlow): Promise<string> {
    const webClient = this.webClient();
    const configuration = await this.configuration();
    // The registered address, not the request's: behind a proxy the app may see another host.
    const currentUrl = new URL(webClient.redirectUrl);
    currentUrl.search = callback.toString();
    let tokens;
    try {
      tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
        pkceCodeVerifier: flow.codeVerifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
    } catch (error) {
      throw new OidcSignInError(NOT_CHECKED, `the code exchange failed: ${describe(error)}`, 400);
    }
    if (typeof tokens.access_token !== 'string' || tokens.access_token === '') {
      throw new OidcSignInError(NOT_CHECKED, 'the token response had no access token', 400);
    }
    return tokens.access_token;
  }

  /** The provider's sign-out address, when it has one and has been reached since start. */
  endSessionUrl(): string | undefined {
    const webClient = this.settings?.webClient;
    if (!webClient || !this.discovered?.serverMetadata().end_session_endpoint) return undefined;
    return client.buildEndSessionUrl(this.discovered, { post_logout_redirect_uri: webClient.signedOutUrl })
      .href;
  }

  /** Discovered once; a failure is forgotten so that the next sign-in tries again. */
  configuration(): Promise<client.Configuration> {
    this.discovery ??= this.discover().then(
      (configuration) => (this.discovered = configuration),
      (error: unknown) => {
        this.discovery = undefined;
        this.logger.warn(`Cannot discover the sign-in provider ${this.settings?.issuer}: ${describe(error)}`);
        throw new OidcSignInError(UNREACHABLE, `discovery failed: ${describe(error)}`, 503);
      },
    );
    return this.discovery;
  }

  private async discover(): Promise<client.Configuration> {
    const { issuer } = this.settings ?? {};
    const webClient = this.webClient();
    // Configuration allows plain http only for a provider on this machine (a local or test provider).
    const local = new URL(issuer ?? '').protocol === 'http:';
    return client.discovery(new URL(issuer ?? ''), webClient.clientId, undefined, clientAuth(webClient), {
      timeout: TIMEOUT_SECONDS,
      ...(local ? { execute: [client.allowInsecureRequests] } : {}),
    });
  }

  private webClient(): OidcWebClient {
    const webClient = this.settings?.webClient;
    if (!webClient) throw new OidcSignInError(NOT_SET_UP, 'AUTH_CLIENT_ID is not set', 503);
    return webClient;
  }
}

function clientAuth(webClient: OidcWebClient): client.ClientAuth {
  const secret = webClient.clientSecret;
  if (!secret) return client.None();
  return webClient.clientAuthMethod === 'client_secret_post'
    ? client.ClientSecretPost(secret)
    : client.ClientSecretBasic(secret);
}

interface ErrorLike {
  readonly message?: unknown;
  readonly code?: unknown;
  readonly cause?: unknown;
}

/** What went wrong, for the log: the provider's error code and description, never a token. */
function describe(error: unknown): string {
  if (error instanceof client.ResponseBodyError) {
    return `${error.error}${error.error_description ? ` (${error.error_description})` : ''}`;
  }
  const said: string[] = [];
  // openid-client wraps a network failure twice ("something went wrong", "fetch failed"): say all.
  // Duck-typed: fetch's errors may come from another realm, where instanceof Error is false.
  for (let cause = error as ErrorLike | undefined; typeof cause?.message === 'string' && said.length < 4;) {
    said.push(`${typeof cause.code === 'string' ? `${cause.code}: ` : ''}${cause.message}`);
    cause = cause.cause as ErrorLike | undefined;
  }
  return said.length > 0 ? said.join('; ') : String(error);
}
