import { Inject, Injectable, Logger } from '@nestjs/common';
import type { SignedInUser } from './domain/actor.js';
import { VerifiedTokens } from './verified-tokens.js';
import { InvalidTokenError, type TokenVerifier } from './tokens/token-verifier.js';

/** What a request's credentials came to. The reason a token was refused is logged, never answered. */
export type Authentication =
  | { readonly kind: 'anonymous' }
  | { readonly kind: 'invalid' }
  | { readonly kind: 'signedIn'; readonly user: SignedInUser };

export const TOKEN_VERIFIER = Symbol('TokenVerifier');

const BEARER = /^Bearer[ \t]+([^\s]+)[ \t]*$/i;

/** Turns an Authorization header (or the graphql-ws equivalent) into who is asking. */
@Injectable()
export class Authenticator {
  private readonly logger = new Logger('SignIn');
  private readonly verified = new VerifiedTokens();

  constructor(@Inject(TOKEN_VERIFIER) private readonly verifier: TokenVerifier) {}

  async authenticate(authorization: unknown): Promise<Authentication> {
    if (authorization === undefined || authorization === null || authorization === '') {
      return { kind: 'anonymous' };
    }
    const token = typeof authorization === 'string' ? BEARER.exec(authorization)?.[1] : undefined;
    if (!token) return { kind: 'invalid' };
    const known = this.verified.get(token, Date.now());
    if (known) return { kind: 'signedIn', user: known };
    try {
      const user = await this.verifier.verify(token);
      this.verified.remember(token, user);
      return { kind: 'signedIn', user };
    } catch (error) {
      if (!(error instanceof InvalidTokenError)) throw error;
      this.logger.warn(`Refused a token: ${error.reason}`);
      return { kind: 'invalid' };
    }
  }
}
