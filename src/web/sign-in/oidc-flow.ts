import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { EncryptJWT, jwtDecrypt } from 'jose';
import * as client from 'openid-client';
import { SESSION_KEY } from '../session/web-session.js';

export const OIDC_FLOW_COOKIE = 'plan_tracker_oidc';

/** Long enough to type a password and answer a second factor; a sign-in left longer starts again. */
const FLOW_SECONDS = 10 * 60;
/** Sealed with the session key, so it is marked: a session cookie must never pass for a flow. */
const PURPOSE = 'oidc-sign-in';

/** One sign-in in progress at the provider: what the callback must match, and where to go after. */
export interface OidcFlow {
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
  readonly returnTo: string;
}

/**
 * The flow kept in the browser between leaving for the provider and coming back: a sealed cookie
 * (JWE, the session key), HttpOnly, SameSite=Lax (the provider's redirect back is a top-level GET
 * from another site), Secure over TLS, only sent to /sign-in, gone after ten minutes or one use.
 */
@Injectable()
export class OidcFlows {
  constructor(@Inject(SESSION_KEY) private readonly key: Uint8Array) {}

  /** A new flow with fresh random state, nonce and PKCE code verifier. */
  static start(returnTo: string): OidcFlow {
    return {
      state: client.randomState(),
      nonce: client.randomNonce(),
      codeVerifier: client.randomPKCECodeVerifier(),
      returnTo,
    };
  }

  async save(request: FastifyRequest, reply: FastifyReply, flow: OidcFlow): Promise<void> {
    const sealed = await new EncryptJWT({ purpose: PURPOSE, ...flow })
      .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
      .setIssuedAt()
      .setExpirationTime(`${FLOW_SECONDS}s`)
      .encrypt(this.key);
    reply.setCookie(OIDC_FLOW_COOKIE, sealed, { ...cookieOptions(request), maxAge: FLOW_SECONDS });
  }

  /** The flow this browser started, or undefined when it is missing, expired or tampered with. */
  async read(request: FastifyRequest): Promise<OidcFlow | undefined> {
    const sealed = request.cookies?.[OIDC_FLOW_COOKIE];
    if (!sealed) return undefined;
    try {
      const { payload } = await jwtDecrypt(sealed, this.key, { clockTolerance: 5 });
      const { purpose, state, nonce, codeVerifier, returnTo } = payload;
      if (purpose !== PURPOSE) return undefined;
      if ([state, nonce, codeVerifier, returnTo].every((value) => typeof value === 'string')) {
        return { state, nonce, codeVerifier, returnTo } as OidcFlow;
      }
    } catch {
      // Expired, sealed with another key, or changed: no flow.
    }
    return undefined;
  }

  clear(request: FastifyRequest, reply: FastifyReply): void {
    reply.clearCookie(OIDC_FLOW_COOKIE, cookieOptions(request));
  }
}

function cookieOptions(request: FastifyRequest) {
  return {
    path: '/sign-in',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: request.protocol === 'https',
  };
}
