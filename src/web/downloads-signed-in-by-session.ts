import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { WebSessions } from './session/web-session.js';

/** The API's own downloads that the pages link to: board pack, exports and the audit-trail CSV. */
const DOWNLOAD = /^\/plans\/[^/?#]+\/(board-pack(\.pdf)?|export\.(csv|xlsx)|history\.csv)(\?|$)/;

/**
 * A link on a page cannot send an Authorization header, so a signed-in browser's GET of a download
 * carries its session's token instead; the route's access rule then decides as for any caller. Only
 * reads, and only these routes: the session cookie (SameSite=Lax) never authorises a change.
 */
export function signDownloadsInBySession(app: NestFastifyApplication): void {
  const sessions = app.get(WebSessions);
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', async (request) => {
      if (request.method !== 'GET' && request.method !== 'HEAD') return;
      if (request.headers.authorization || !DOWNLOAD.test(request.url)) return;
      const { token } = await sessions.read(request);
      if (token) request.headers.authorization = `Bearer ${token}`;
    });
}
