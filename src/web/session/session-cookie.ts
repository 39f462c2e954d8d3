import { jwtDecrypt } from 'jose';

export const SESSION_COOKIE = 'plan_tracker_session';

/** What a sealed session cookie holds. */
export interface SealedSession {
  readonly csrf: string;
  /** The sign-in token, once signed in. */
  readonly token?: string;
  /** When the cookie stops being valid (epoch ms). */
  readonly expiresAt?: number;
}

/** Opens a sealed session; undefined when it has expired, was sealed with another key or was altered. */
export async function unsealSession(sealed: string, key: Uint8Array): Promise<SealedSession | undefined> {
  try {
    const { payload } = await jwtDecrypt(sealed, key, { clockTolerance: 5 });
    if (typeof payload.csrf !== 'string') return undefined;
    return {
      csrf: payload.csrf,
      ...(typeof payload.token === 'string' ? { token: payload.token } : {}),
      ...(typeof payload.exp === 'number' ? { expiresAt: payload.exp * 1000 } : {}),
    };
  } catch {
    return undefined;
  }
}

/** One cookie's value in a Cookie header ("a=1; b=2"), decoded as @fastify/cookie encodes it. */
function cookieValue(cookieHeader: string, name: string): string | undefined {
  for (const pair of cookieHeader.split(';')) {
    const equals = pair.indexOf('=');
    if (equals < 0 || pair.slice(0, equals).trim() !== name) continue;
    try {
      return decodeURIComponent(pair.slice(equals + 1).trim());
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * The session in a raw Cookie header, for a request that does not go through Fastify's routes and
 * cookie parsing: a WebSocket upgrade.
 */
export async function sessionFromCookieHeader(
  cookieHeader: string | undefined,
  key: Uint8Array,
): Promise<SealedSession | undefined> {
  if (!cookieHeader) return undefined;
  const sealed = cookieValue(cookieHeader, SESSION_COOKIE);
  return sealed ? unsealSession(sealed, key) : undefined;
}
