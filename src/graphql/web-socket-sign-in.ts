import type { IncomingMessage } from 'node:http';
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
 * Browsers cannot set headers on a WebSocket, so the token comes in the connection_init payload
 * (`{ "authorization": "Bearer …" }`). A connection without a valid one is closed; a signed-in one
 * is closed when its token expires, so a socket never outlives the sign-in that opened it.
 */
export async function signInOverWebSocket(
  authenticator: Authenticator,
  context: Context<Record<string, unknown> | undefined, unknown>,
): Promise<boolean> {
  const extra = context.extra as LiveConnectionExtra;
  const authentication = await authenticator.authenticate(authorizationOf(context.connectionParams));
  if (authentication.kind !== 'signedIn') {
    extra.socket.close(UNAUTHENTICATED_CLOSE, 'Unauthenticated: send a valid bearer token');
    return false;
  }
  extra.authentication = authentication;
  const { expiresAt } = authentication.user;
  if (expiresAt !== undefined) closeOnExpiry(extra.socket, expiresAt);
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
