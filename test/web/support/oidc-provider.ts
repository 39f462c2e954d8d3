import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import {
  bodyOf,
  claimsOf,
  clientCredentials,
  discoveryDocument,
  json,
  type IssuedCode,
  type ProviderUser,
  type RegisteredClient,
  type TokenRequest,
} from './oidc-provider-parts.js';

export type { ProviderUser } from './oidc-provider-parts.js';

export const API_AUDIENCE = 'api://improvement-plan-tracker';
const REALM = '/realms/council';

/**
 * A council's OpenID Connect provider, small but strict: discovery, keys, an authorize endpoint
 * that signs the next user in at once (or refuses), and a token endpoint that checks the client,
 * the redirect URI and the PKCE verifier (S256) before issuing an ID token and a JWT access token.
 */
export class FakeOidcProvider {
  readonly authorizations: Record<string, string>[] = [];
  readonly tokenRequests: TokenRequest[] = [];
  /** People sent here to sign out and sent back to the client. */
  signOuts = 0;
  user: ProviderUser = { sub: 'u-priya', name: 'Priya Shah', roles: ['VIEWER'] };
  /** The access token's audience; another one makes a token the API must refuse. */
  accessTokenAudience = API_AUDIENCE;
  /** Answer the next authorization with this OAuth error instead of a code. */
  refuseNext?: string;
  private client?: RegisteredClient;
  private readonly codes = new Map<string, IssuedCode>();
  private readonly server = createServer((request, response) => void this.handle(request, response));
  private port = 0;

  private constructor(
    private readonly privateKey: CryptoKey,
    private readonly publicJwk: JWK,
    private readonly host: string,
  ) {}

  /** `host` names it in its URLs: `localhost` puts it on another site than an app at 127.0.0.1. */
  static async start(host: '127.0.0.1' | 'localhost' = '127.0.0.1'): Promise<FakeOidcProvider> {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', use: 'sig' };
    const provider = new FakeOidcProvider(privateKey, jwk, host);
    await provider.listen();
    return provider;
  }

  get origin(): string {
    return `http://${this.host}:${this.port}`;
  }
  get issuer(): string {
    return `${this.origin}${REALM}`;
  }
  get jwksUrl(): string {
    return `${this.issuer}/jwks`;
  }

  register(client: RegisteredClient): void {
    this.client = client;
  }

  /** Listens again on the same port after stop() (a provider that was down and comes back). */
  listen(): Promise<void> {
    return new Promise((resolve) =>
      this.server.listen(this.port, '127.0.0.1', () => {
        this.port = (this.server.address() as AddressInfo).port;
        resolve();
      }),
    );
  }

  stop(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.origin);
    const route = url.pathname.startsWith(REALM) ? url.pathname.slice(REALM.length) : '';
    if (route === '/.well-known/openid-configuration')
      return json(response, 200, discoveryDocument(this.issuer));
    if (route === '/jwks') return json(response, 200, { keys: [this.publicJwk] });
    if (route === '/authorize') return this.authorize(url.searchParams, response);
    if (route === '/token' && request.method === 'POST') return this.token(request, response);
    if (route === '/logout') return this.logout(url.searchParams, response);
    json(response, 404, { error: 'not_found' });
  }

  private authorize(params: URLSearchParams, response: ServerResponse): void {
    const asked = Object.fromEntries(params);
    this.authorizations.push(asked);
    const client = this.client;
    // Never redirect to an address the client did not register.
    if (!client || asked.client_id !== client.clientId || asked.redirect_uri !== client.redirectUri) {
      return json(response, 400, {
        error: 'invalid_request',
        error_description: 'unknown client or redirect',
      });
    }
    const back = new URL(client.redirectUri);
    if (asked.state) back.searchParams.set('state', asked.state);
    const refusal =
      this.refuseNext ??
      (asked.response_type !== 'code' || asked.code_challenge_method !== 'S256' || !asked.code_challenge
        ? 'invalid_request'
        : undefined);
    this.refuseNext = undefined;
    if (refusal) {
      back.searchParams.set('error', refusal);
      back.searchParams.set('error_description', 'The user <b>declined</b>');
    } else {
      const code = randomBytes(16).toString('base64url');
      const { code_challenge: challenge = '', nonce = '', redirect_uri: redirectUri = '' } = asked;
      this.codes.set(code, { challenge, nonce, redirectUri, clientId: client.clientId, user: this.user });
      back.searchParams.set('code', code);
    }
    response.writeHead(302, { location: back.href }).end();
  }

  /** Back to the client's own site after signing out; anywhere else would be an open redirect. */
  private logout(params: URLSearchParams, response: ServerResponse): void {
    const back = params.get('post_logout_redirect_uri') ?? '';
    const client = this.client;
    if (
      !client ||
      params.get('client_id') !== client.clientId ||
      !back.startsWith(new URL(client.redirectUri).origin)
    ) {
      return json(response, 400, { error: 'invalid_request' });
    }
    this.signOuts += 1;
    response.writeHead(302, { location: back }).end();
  }

  private async token(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const form = Object.fromEntries(new URLSearchParams(await bodyOf(request)));
    const authorization = request.headers.authorization;
    const refuse = (status: number, error: string) => {
      this.tokenRequests.push({ form, authorization, answer: error });
      json(response, status, { error });
    };
    const { clientId, secret } = clientCredentials(form, authorization);
    if (!this.client || clientId !== this.client.clientId || secret !== this.client.secret) {
      return refuse(401, 'invalid_client');
    }
    const issued = this.codes.get(form.code ?? '');
    this.codes.delete(form.code ?? '');
    const verifier = form.code_verifier ?? '';
    if (
      form.grant_type !== 'authorization_code' ||
      !issued ||
      issued.clientId !== clientId ||
      issued.redirectUri !== form.redirect_uri ||
      createHash('sha256').update(verifier).digest('base64url') !== issued.challenge
    ) {
      return refuse(400, 'invalid_grant');
    }
    this.tokenRequests.push({ form, authorization, answer: 'tokens' });
    json(response, 200, {
      token_type: 'Bearer',
      expires_in: 3600,
      access_token: await this.sign(
        { ...claimsOf(issued.user), client_id: clientId },
        this.accessTokenAudience,
      ),
      id_token: await this.sign({ nonce: issued.nonce, name: issued.user.name }, clientId, issued.user.sub),
    });
  }

  private sign(claims: Record<string, unknown>, audience: string, subject?: string): Promise<string> {
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer(this.issuer)
      .setAudience(audience)
      .setSubject(subject ?? String(claims.sub))
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(this.privateKey);
  }
}
