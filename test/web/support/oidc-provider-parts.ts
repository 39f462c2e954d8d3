import type { IncomingMessage, ServerResponse } from 'node:http';

/* The fake provider's vocabulary and plumbing, kept apart so that oidc-provider.ts reads as its endpoints. */

/** Who the provider signs in next, with the claims the API reads (default claim names). */
export interface ProviderUser {
  readonly sub: string;
  readonly name: string;
  readonly roles: readonly string[];
  readonly owns?: readonly string[];
}

export interface RegisteredClient {
  readonly clientId: string;
  readonly redirectUri: string;
  readonly secret?: string;
}

export interface IssuedCode {
  readonly challenge: string;
  readonly nonce: string;
  readonly redirectUri: string;
  readonly clientId: string;
  readonly user: ProviderUser;
}

/** What the token endpoint was asked, and whether it gave tokens. */
export interface TokenRequest {
  readonly form: Record<string, string>;
  readonly authorization?: string;
  readonly answer: 'tokens' | string;
}

/** What the provider publishes at /.well-known/openid-configuration. */
export function discoveryDocument(issuer: string) {
  return {
    issuer,
    authorization_endpoint: `${issuer}/authorize`,
    token_endpoint: `${issuer}/token`,
    jwks_uri: `${issuer}/jwks`,
    end_session_endpoint: `${issuer}/logout`,
    response_types_supported: ['code'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    code_challenge_methods_supported: ['S256'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'none'],
  };
}

/** The claims the API reads, under their default names. */
export function claimsOf(user: ProviderUser): Record<string, unknown> {
  return { sub: user.sub, name: user.name, roles: [...user.roles], owns: [...(user.owns ?? [])] };
}

/** client_secret_basic, client_secret_post or a public client (client_id alone). */
export function clientCredentials(form: Record<string, string>, authorization: string | undefined) {
  if (authorization?.startsWith('Basic ')) {
    const [id = '', secret = ''] = Buffer.from(authorization.slice(6), 'base64').toString().split(':');
    return { clientId: decodeURIComponent(id), secret: decodeURIComponent(secret) };
  }
  return { clientId: form.client_id, secret: form.client_secret };
}

export function bodyOf(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => resolve(body));
    request.on('error', reject);
  });
}

export function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}
