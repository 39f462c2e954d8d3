import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { MAX_IMPORT_BYTES } from '../import/parse/parse-plan-document.js';
import { signDownloadsInBySession } from './downloads-signed-in-by-session.js';
import { GOVUK_FRONTEND_DIST, PUBLIC_DIR } from './views.js';

/** What the pages may load: styles, scripts and images. The GDS Transport font is for GOV.UK only. */
const SERVED = /\.(css|js|svg|png|ico|json)$/;

/**
 * Cookies for the pages' sessions; multipart forms for the one upload (a council's plan file, one
 * file, no larger than an import may be, refused while streaming); the pages' assets, served from
 * node_modules and src/web/public.
 */
export async function registerWebAssets(app: NestFastifyApplication): Promise<void> {
  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, {
    limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 20, fieldSize: 64 * 1024, parts: 21 },
  });
  await app.register(fastifyStatic, {
    root: [PUBLIC_DIR, join(GOVUK_FRONTEND_DIST, 'govuk'), join(GOVUK_FRONTEND_DIST, 'govuk', 'assets')],
    prefix: '/assets/',
    allowedPath: (path) => SERVED.test(path) && !path.includes('..'),
    index: false,
    list: false,
    wildcard: true,
    maxAge: '1h',
  });
  signDownloadsInBySession(app);
}
