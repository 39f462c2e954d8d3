import type { FastifyServerOptions } from 'fastify';
import { MAX_IMPORT_BYTES } from '../import/parse/parse-plan-document.js';

/**
 * Fastify refuses bodies over 1 MiB by default; an import sends a whole file, as base64 for XLSX
 * (4 bytes for every 3), inside a JSON request. Larger bodies are refused with 413 before parsing.
 */
const BODY_LIMIT = Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 1024 * 1024;

/** The HTTP server's own limits, set once where the server is made. */
export function serverOptions(): FastifyServerOptions {
  return { bodyLimit: BODY_LIMIT };
}
