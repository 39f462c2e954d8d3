import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { Context } from 'graphql-ws';
import type { WebSocket } from 'ws';
import type { Authentication, Authenticator } from '../auth/authenticator.js';

/** What the ws server keeps per connection; sign-in adds who connected. */
export interface LiveConnectionExtra {
  readonly socket: WebSocket;
  readonly request: IncomingMessage;
  authentication?: Authentication;
}

/** Close codes in the private range, in the spirit of HTTP 401. */
export const UNAUTHENTICATED_CLOSE = 4401;

/** setTimeout's longest delay; a longer-lived token is checked again when it elapses. */
const LONGEST_DELAY_MS = 2 ** 31 - 1;

function authorizationOf(params: Readonly<Record<string, unknown>> | undefined): unknown {
  if (!params) return undefined;
  const key = Object.keys(params).find((name) => name.toLowerCase() === 'authorization');
  return key === undefined ? undefined : params[key];
}

/**
 * A browser's session as its cookie holds it (the pages' sealed session): the bearer token it signs
 * in with and when the session ends (epoch ms). Given by the web pages' module, so that this shared
 * GraphQL piece imports nothing from them.
 */
export type SessionSignIn = (
  cookieHeader: string | undefined,
) => Promise<{ readonly token?: string; readonly expiresAt?: number } | undefined>;

const givenToken = (authorization: unknown) =>
  authorization !== undefined && authorization !== null && authorization !== '';

/**
 * Whether the upgrade came from one of this server's own pages. Any site can open a WebSocket to
 * us and the browser would send our cookie with it (cross-site WebSocket hijacking); the Origin
 * header is the one thing such a page cannot forge, so the cookie counts only when it is ours.
 */
export function fromOwnOrigin(request: Pick<IncomingMessage, 'headers' | 'socket'>): boolean {
  const { origin, host } = request.headers;
  if (!origin || !host) return false;
  const scheme = (request.socket as Partial<TLSSocket>).encrypted ? 'https' : 'http';
  return origin.toLowerCase() === `${scheme}://${host.toLowerCase()}`;
}

/** scheme://host[:port] as browsers write it: lower case, no default port; undefined if not a URL. */
function originOf(value: string): string | undefined {
  try {
    return new URL(value).origin;
  } catch {
    return undefined;
  }
}

/**
 * Whether a live connection may be opened from where the upgrade says it came: a browser always
 * sends Origin, and only our own pages and the sites in `allowedOrigins` (CORS_ORIGINS) may reach
 * us from one, whatever they sign in with (the session cookie counts only from our own pages). A
 * client that is not a browser sends no Origin and is not held to it: no page can make it lend a
 * user's cookie.
 */
export function fromAllowedOrigin(
  request: Pick<IncomingMessage, 'headers' | 'socket'>,
  allowedOrigins: readonly string[] = [],
): boolean {
  const { origin } = request.headers;
  if (origin === undefined) return true;
  if (fromOwnOrigin(request)) return true;
  const given = originOf(origin);
  return given !== undefined && allowedOrigins.some((allowed) => originOf(allowed) === given);
}

/**
 * Browsers cannot set headers on a WebSocket, so the token comes in the connection_init payload
 * (`{ "authorization": "Bearer …" }`). The pages have no token to send (their session cookie is
 * HttpOnly), so without one the session cookie signs in, when the upgrade came from our own
 * origin. A connection without either is closed; a signed-in one is closed when its token (or
 * session) expires, so a socket never outlives the sign-in that opened it.
 */
export async function signInOverWebSocket(
  authenticator: Authenticator,
  context: Context<Record<string, unknown> | undefined, unknown>,
  sessionSignIn?: SessionSignIn,
): Promise<boolean> {
  const extra = context.extra as LiveConnectionExtra;
  const given = authorizationOf(context.connectionParams);
  const session =
    !givenToken(given) && sessionSignIn && fromOwnOrigin(extra.request)
      ? await sessionSignIn(extra.request.headers.cookie)
      : undefined;
  const authorization = givenToken(given) ? given : session?.token && `Bearer ${session.token}`;
  const authentication = await authenticator.authenticate(authorization);
  if (authentication.kind !== 'signedIn') {
    extra.socket.close(UNAUTHENTICATED_CLOSE, 'Unauthenticated: send a valid bearer token');
    return false;
  }
  extra.authentication = authentication;
  const ends = [authentication.user.expiresAt, session?.expiresAt].filter((at) => at !== undefined);
  if (ends.length > 0) closeOnExpiry(extra.socket, Math.min(...ends));
  return true;
}

function closeOnExpiry(socket: WebSocket, expiresAt: number): void {
  let timer: NodeJS.Timeout | undefined;
  const check = () => {
    const left = expiresAt - Date.now();
    if (left <= 0) {
      socket.close(UNAUTHENTICATED_CLOSE, 'Sign-in expired');
      return;
    }
    timer = setTimeout(check, Math.min(left, LONGEST_DELAY_MS));
    timer.unref();
  };
  check();
  socket.once('close', () => clearTimeout(timer));
}
