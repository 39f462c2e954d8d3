import { randomBytes, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { EncryptJWT } from 'jose';
import type {} from '@fastify/cookie';
import { SESSION_COOKIE, unsealSession } from './session-cookie.js';

export { SESSION_COOKIE } from './session-cookie.js';

export const SESSION_KEY = Symbol('SessionKey');
/** The CSRF token's form field, on every form the pages send. */
export const CSRF_FIELD = '_csrf';
/** A key of its own on every form that records something, sent as the idempotency key. */
export const FORM_KEY_FIELD = '_formKey';

/** A browser's session: its CSRF token and, once signed in, the bearer token it acts with. */
export interface WebSession {
  readonly csrf: string;
  /** The sign-in token (embedded or the provider's access token), checked on every request. */
  readonly token?: string;
  /** Whether the cookie still has to be sent (a new visitor, or a sign-in). */
  readonly fresh: boolean;
}

/** Short for visitors who have not signed in; a signed-in session ends with its token, or sooner. */
const VISITOR_SECONDS = 2 * 60 * 60;
const MAX_SIGNED_IN_SECONDS = 12 * 60 * 60;

const newCsrf = () => randomBytes(32).toString('base64url');

/**
 * Sessions kept in the browser, sealed (AES-256-GCM, JWE) so that nobody can read or change them,
 * and no server-side store is needed for several instances to share them (given SESSION_SECRET).
 */
@Injectable()
export class WebSessions {
  constructor(@Inject(SESSION_KEY) private readonly key: Uint8Array) {}

  async read(request: FastifyRequest): Promise<WebSession> {
    const sealed = request.cookies?.[SESSION_COOKIE];
    // Expired, from another key, or tampered with: a new visitor's session.
    const opened = sealed ? await unsealSession(sealed, this.key) : undefined;
    if (!opened) return { csrf: newCsrf(), fresh: true };
    return { csrf: opened.csrf, ...(opened.token ? { token: opened.token } : {}), fresh: false };
  }

  /** A signed-in session with a new CSRF token (so a token seen before sign-in is worthless after). */
  signedIn(token: string): WebSession {
    return { csrf: newCsrf(), token, fresh: true };
  }

  /** Sends the session cookie when it is new; `expiresAt` (epoch ms) cuts it short, e.g. at token expiry. */
  async save(request: FastifyRequest, reply: FastifyReply, session: WebSession, expiresAt?: number) {
    if (!session.fresh) return;
    const longest = session.token ? MAX_SIGNED_IN_SECONDS : VISITOR_SECONDS;
    const nowSeconds = Math.floor(Date.now() / 1000);
    const until = Math.min(nowSeconds + longest, expiresAt ? Math.floor(expiresAt / 1000) : Infinity);
    const sealed = await new EncryptJWT({
      csrf: session.csrf,
      ...(session.token ? { token: session.token } : {}),
    })
      .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
      .setIssuedAt(nowSeconds)
      .setExpirationTime(until)
      .encrypt(this.key);
    reply.setCookie(SESSION_COOKIE, sealed, {
      ...cookieOptions(request),
      maxAge: Math.max(0, until - nowSeconds),
    });
  }

  clear(request: FastifyRequest, reply: FastifyReply): void {
    reply.clearCookie(SESSION_COOKIE, cookieOptions(request));
  }

  /** Whether a form came from one of our own pages in this session. */
  static csrfMatches(session: WebSession, sent: unknown): boolean {
    if (session.fresh || typeof sent !== 'string') return false;
    const expected = Buffer.from(session.csrf);
    const given = Buffer.from(sent);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }
}

/** HttpOnly and SameSite=Lax always; Secure whenever the request came over TLS (trustProxy honoured). */
function cookieOptions(request: FastifyRequest) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: request.protocol === 'https' };
}
