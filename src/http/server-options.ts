import { createServer, type Server } from 'node:http';
import type { FastifyServerOptions } from 'fastify';
import { MAX_IMPORT_BYTES } from '../import/parse/parse-plan-document.js';

/**
 * Fastify refuses bodies over 1 MiB by default; an import sends a whole file, as base64 for XLSX
 * (4 bytes for every 3), inside a JSON request. Larger bodies are refused with 413 before parsing.
 */
const BODY_LIMIT = Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 1024 * 1024;

/**
 * How long and how many connections the server gives its clients. Fastify's own defaults wait for
 * ever for a request to arrive, so a client trickling a body a byte at a time held its connection
 * (200 of them were all still open after 130 s).
 */
export interface ServerLimits {
  /**
   * The whole request, headers and body, must have arrived within this (ms), or it is answered 408
   * and closed. The largest import (about 7 MiB as base64) needs 120 KiB/s to make it.
   */
  readonly requestTimeoutMs: number;
  /** The headers must have arrived within this (ms); at most requestTimeoutMs. */
  readonly headersTimeoutMs: number;
  /** A connection on which nothing moves for this long, mid-request or mid-answer, is closed (ms). */
  readonly idleTimeoutMs: number;
  /**
   * How long an idle keep-alive connection is kept for the client's next request (ms); longer
   * than a load balancer's idle timeout (60 s on the common ones), as Fastify's default is.
   */
  readonly keepAliveTimeoutMs: number;
  /** How often the request and headers deadlines are checked (ms): a deadline may be late by this. */
  readonly deadlineCheckMs: number;
  /** Open connections at once, live (WebSocket) ones included; more are dropped as they arrive. */
  readonly maxConnections: number;
  /** Largest request line plus headers (bytes): room for a session cookie and an OIDC token. */
  readonly maxHeaderBytes: number;
}

export const SERVER_LIMITS: ServerLimits = {
  requestTimeoutMs: 60_000,
  headersTimeoutMs: 20_000,
  idleTimeoutMs: 60_000,
  keepAliveTimeoutMs: 72_000,
  deadlineCheckMs: 1_000,
  maxConnections: 1_000,
  maxHeaderBytes: 16 * 1024,
};

/**
 * The HTTP server's own limits, set once where the server is made. Requests per keep-alive
 * connection are not capped: an idle one is closed after keepAliveTimeoutMs anyway, and a cap would
 * only make busy clients reconnect.
 */
export function serverOptions(limits: Partial<ServerLimits> = {}): FastifyServerOptions {
  const chosen = { ...SERVER_LIMITS, ...limits };
  return { bodyLimit: BODY_LIMIT, serverFactory: (handler) => limitedServer(handler, chosen) };
}

/** Made here rather than by Fastify, which has no option for the number of connections. */
function limitedServer(handler: Parameters<typeof createServer>[1], limits: ServerLimits): Server {
  const server = createServer(
    {
      requestTimeout: limits.requestTimeoutMs,
      headersTimeout: Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs),
      connectionsCheckingInterval: limits.deadlineCheckMs,
      maxHeaderSize: limits.maxHeaderBytes,
    },
    handler,
  );
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  server.maxConnections = limits.maxConnections;
  server.setTimeout(limits.idleTimeoutMs);
  return server;
}
