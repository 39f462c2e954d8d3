import { randomUUID } from 'node:crypto';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage } from 'node:http';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import type { Params } from 'nestjs-pino';
import { stdTimeFunctions, type Level, type Logger as PinoLogger } from 'pino';
import type { AppConfig, LogLevel } from '../config.js';
import { correlationIdOf } from '../graphql/request-context.js';
import { requestFactsOf } from './request-facts.js';

/** Nest's level names as pino's. */
const PINO_LEVEL: Readonly<Record<LogLevel, Level>> = {
  error: 'error',
  warn: 'warn',
  log: 'info',
  debug: 'debug',
  verbose: 'trace',
};

/** Anything that could still carry a secret or a person's data, should a header ever be logged. */
const REDACTED = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["idempotency-key"]',
  'res.headers["set-cookie"]',
];

const UNLOGGED = /^\/(metrics|health\/(live|ready))$/;

/** The path asked for, without its query. Nest strips a middleware's own path from `url`. */
const pathOf = (request: IncomingMessage): string =>
  ((request as { originalUrl?: string }).originalUrl ?? request.url ?? '').split('?')[0] ?? '';

const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/** A proxy's request id when it is a sensible one, so its logs and ours line up; else a new one. */
export function requestIdOf(request: Pick<IncomingMessage, 'headers'>): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && SAFE_REQUEST_ID.test(given) ? given : randomUUID();
}

/** The request whose work is running now, for the lines logged meanwhile (a pino mixin reads it). */
const requestScope = new AsyncLocalStorage<string>();

const withRequestId = (): { requestId?: string } => {
  const requestId = requestScope.getStore();
  return requestId === undefined ? {} : { requestId };
};

/**
 * The one line logged per request. The path without its query (a GET of GraphQL carries the
 * query and its variables there, a sign-in callback its code), never a body or a header.
 */
function accessLine(request: FastifyRequest, answer: { status: number; durationMs?: number }) {
  const facts = requestFactsOf(request.raw);
  const requestId = String(request.id);
  const given = request.headers['x-correlation-id'] ? correlationIdOf(request.headers) : requestId;
  return {
    requestId,
    method: request.method,
    path: pathOf(request.raw),
    ...(facts.operation ? { operation: facts.operation } : {}),
    correlationId: facts.correlationId ?? given,
    ...answer,
  };
}

/**
 * Logs each answered request once, from Fastify's own hooks (a Nest middleware per request cost
 * more than the rest of a trivial query), and gives the request's id to anything logged while it
 * runs. An answer of 500 or more, or a request the client gave up on, is logged at `warn`.
 */
export function logRequests(app: NestFastifyApplication, logger: PinoLogger): void {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (request, _reply, done) => requestScope.run(String(request.id), done));
  const logged = (request: FastifyRequest) => !UNLOGGED.test(pathOf(request.raw));
  fastify.addHook('onResponse', (request, reply, done) => {
    if (!logged(request)) return done();
    const line = accessLine(request, { status: reply.statusCode, durationMs: Math.round(reply.elapsedTime) });
    if (reply.statusCode >= 500) logger.warn(line, 'request failed');
    else logger.info(line, 'request completed');
    done();
  });
  fastify.addHook('onRequestAbort', (request, done) => {
    // 499: the client closed the connection before it was answered (as nginx logs it).
    if (logged(request)) logger.warn(accessLine(request, { status: 499 }), 'request failed');
    done();
  });
}

/**
 * Logs through pino for the whole application (Nest's own messages included): JSON, one object a
 * line and no colour codes in production; in development pino-pretty, times as UK readers write
 * them. LOG_LEVEL applies to both; `log` shows one access line per request (logRequests).
 */
export function loggerParams(config: Pick<AppConfig, 'logLevel' | 'logFormat'>): Params {
  const pretty = config.logFormat === 'pretty';
  return {
    // No per-request middleware: logRequests logs the requests.
    forRoutes: [],
    pinoHttp: {
      level: PINO_LEVEL[config.logLevel],
      mixin: withRequestId,
      redact: { paths: REDACTED, censor: '[redacted]' },
      ...(pretty
        ? {
            transport: {
              target: 'pino-pretty',
              options: { translateTime: 'SYS:dd/mm/yyyy HH:MM:ss', ignore: 'pid,hostname', singleLine: true },
            },
          }
        : {
            timestamp: stdTimeFunctions.isoTime,
            formatters: { level: (label: string) => ({ level: label }) },
          }),
    },
  };
}
