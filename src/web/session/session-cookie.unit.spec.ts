import { randomBytes } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sessionFromCookieHeader } from './session-cookie.js';
import { SESSION_COOKIE, WebSessions } from './web-session.js';

const key = new Uint8Array(randomBytes(32));

/** The cookie value the pages set for a session, as a browser would send it back. */
async function sealedBy(sessions: WebSessions, token: string): Promise<string> {
  let sealed = '';
  const reply = { setCookie: (_name: string, value: string) => (sealed = value) };
  await sessions.save(
    { protocol: 'http' } as FastifyRequest,
    reply as unknown as FastifyReply,
    sessions.signedIn(token),
  );
  return `${SESSION_COOKIE}=${encodeURIComponent(sealed)}`;
}

describe('reading the pages’ session from a raw Cookie header', () => {
  it('opens the session the pages sealed, with its token and end', async () => {
    const cookie = await sealedBy(new WebSessions(key), 'the-token');
    const session = await sessionFromCookieHeader(`theme=dark; ${cookie}; other=1`, key);
    expect(session?.token).toBe('the-token');
    expect(session?.expiresAt).toBeGreaterThan(Date.now());
  });

  it('finds nothing without the cookie, with another key’s cookie, or with an altered one', async () => {
    const cookie = await sealedBy(new WebSessions(key), 'the-token');
    expect(await sessionFromCookieHeader(undefined, key)).toBeUndefined();
    expect(await sessionFromCookieHeader('theme=dark', key)).toBeUndefined();
    expect(await sessionFromCookieHeader(cookie, new Uint8Array(randomBytes(32)))).toBeUndefined();
    expect(await sessionFromCookieHeader(`${cookie.slice(0, -4)}AAAA`, key)).toBeUndefined();
    expect(await sessionFromCookieHeader(`${SESSION_COOKIE}=%E0%A4%A`, key)).toBeUndefined();
  });
});
