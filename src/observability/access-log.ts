import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import { stdTimeFunctions, type Level } from 'pino';
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

/**
 * The one line logged per request. The path without its query (a GET of GraphQL carries the
 * query and its variables there, a sign-in callback its code), never a body or a header.
 */
export function accessLine(request: IncomingMessage, response: ServerResponse) {
  const facts = requestFactsOf(request);
  const requestId = String(request.id);
  const given = request.headers['x-correlation-id'] ? correlationIdOf(request.headers) : requestId;
  return {
    method: request.method,
    path: pathOf(request),
    ...(facts.operation ? { operation: facts.operation } : {}),
    correlationId: facts.correlationId ?? given,
    status: response.statusCode,
  };
}

/**
 * Logs through pino for the whole application (Nest's own messages included): JSON, one object a
 * line and no colour codes in production; in development pino-pretty, times as UK readers write
 * them. LOG_LEVEL applies to both; `log` shows one access line per request.
 */
export function loggerParams(config: Pick<AppConfig, 'logLevel' | 'logFormat'>): Params {
  const pretty = config.logFormat === 'pretty';
  return {
    // nestjs-pino's default route ('{/*splat}') matches no request on Nest 12.5 with Fastify.
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
    pinoHttp: {
      level: PINO_LEVEL[config.logLevel],
      genReqId: requestIdOf,
      // Probes and scrapes every few seconds would drown the lines people read.
      autoLogging: { ignore: (request) => UNLOGGED.test(pathOf(request)) },
      customAttributeKeys: { reqId: 'requestId', responseTime: 'durationMs' },
      // Messages logged while a request runs carry its id; the access line says the rest.
      quietReqLogger: true,
      quietResLogger: true,
      customLogLevel: (_request, response, error) => (error || response.statusCode >= 500 ? 'warn' : 'info'),
      customSuccessMessage: () => 'request completed',
      customErrorMessage: () => 'request failed',
      customSuccessObject: (request, response, value: { durationMs: number }) => ({
        ...accessLine(request, response),
        durationMs: value.durationMs,
      }),
      customErrorObject: (request, response, _error, value: { durationMs: number }) => ({
        ...accessLine(request, response),
        durationMs: value.durationMs,
      }),
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
