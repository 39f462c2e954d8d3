import fastifyCors from '@fastify/cors';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import helmet from 'helmet';
import type { AppConfig } from '../config.js';

/** Browsers keep to HTTPS for a year once they have seen this over HTTPS. */
const HSTS = 'max-age=31536000; includeSubDomains';

/** What another site's script may send: JSON GraphQL with a token, a key and a correlation id. */
const CORS_REQUEST_HEADERS = ['content-type', 'authorization', 'idempotency-key', 'x-correlation-id'];

/**
 * Security headers on every answer, and CORS for the sites in CORS_ORIGINS.
 *
 * Helmet sets nosniff, X-Frame-Options, Referrer-Policy and the cross-origin headers. It sets no
 * Content-Security-Policy: the web pages send their own, with a nonce made for each page
 * (src/web/web-pages.ts), and a second policy would only narrow theirs. Every other answer gets
 * one that forbids framing, and `Cache-Control: no-store` unless it chose its own (the static
 * assets are cached for an hour); exports and every API answer are about children's services.
 * HSTS only on a request that came over TLS (to Node itself, or through a proxy Fastify trusts).
 */
export async function hardenHttp(
  app: NestFastifyApplication,
  config: Pick<AppConfig, 'allowedOrigins'>,
): Promise<void> {
  // Built once: @fastify/helmet built helmet again for every request, a third of a trivial query.
  const securityHeaders = helmet({
    contentSecurityPolicy: false,
    hsts: false,
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (request, reply, done) => {
    // Helmet sets its headers at once, and throws rather than passing on an error.
    securityHeaders(request.raw, reply.raw, () => undefined);
    done();
  });
  const allowed = new Set(config.allowedOrigins ?? []);
  await app.register(fastifyCors, {
    // Another origin gets no CORS headers at all: its browser then keeps the answer from it.
    origin: (origin, decide) => decide(null, origin !== undefined && allowed.has(origin)),
    methods: ['GET', 'POST'],
    allowedHeaders: CORS_REQUEST_HEADERS,
    credentials: false,
    maxAge: 600,
  });
  fastify.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    if (!reply.hasHeader('content-security-policy')) {
      reply.header('content-security-policy', "frame-ancestors 'none'");
    }
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    if (request.protocol === 'https') reply.header('strict-transport-security', HSTS);
    return payload;
  });
}
