import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { StoreUnavailableError } from '../event-store/event-store.port.js';
import { READ_AFTER_HEADER } from '../graphql/recorded-position.js';
import type { PlanProjection } from '../plans/read-models/plan-projection.js';

/** Longest a request waits for this instance to fold the position it sent back. */
export const READ_AFTER_DEADLINE_MS = 5_000;
const STARTING_RETRY_AFTER_SECONDS = 2;
const POSITION = /^\d{1,20}$/;

/** Answered before the read side is ready: liveness, readiness, and the pages' static files. */
const ALWAYS_OPEN = ['/health/', '/assets/', '/metrics'];

/**
 * The app listens from its first second: /health/live answers at once, /health/ready says when
 * the plan index has caught up, and every other request is answered 503 with Retry-After until
 * then. A request sending X-Read-After-Position waits (bounded) until this instance has folded it.
 */
export function gateOnReadSide(app: NestFastifyApplication, projection: PlanProjection): void {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (ALWAYS_OPEN.some((prefix) => request.url.startsWith(prefix))) return;
    if (!projection.isReady) {
      return unavailable(
        request,
        reply,
        STARTING_RETRY_AFTER_SECONDS,
        'The service is starting: try again in a moment',
      );
    }
    const sent = request.headers[READ_AFTER_HEADER];
    if (sent === undefined) return;
    if (typeof sent !== 'string' || !POSITION.test(sent.trim())) {
      return refused(
        request,
        reply,
        `${READ_AFTER_HEADER} must be a position this service answered (digits only)`,
      );
    }
    try {
      await projection.waitFor(BigInt(sent.trim()), READ_AFTER_DEADLINE_MS);
    } catch (error) {
      const retryAfter = error instanceof StoreUnavailableError ? error.retryAfterSeconds : 1;
      return unavailable(
        request,
        reply,
        retryAfter,
        'This instance has not caught up with that position yet: try again',
      );
    }
  });
}

function unavailable(
  request: FastifyRequest,
  reply: FastifyReply,
  retryAfterSeconds: number,
  message: string,
) {
  void reply.header('retry-after', String(retryAfterSeconds));
  return answer(request, reply, 503, message, { code: 'UNAVAILABLE', retryAfterSeconds });
}

function refused(request: FastifyRequest, reply: FastifyReply, message: string) {
  return answer(request, reply, 400, message, { code: 'BAD_USER_INPUT', field: READ_AFTER_HEADER });
}

/** GraphQL clients get GraphQL's shape; anyone else a JSON message. */
function answer(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  message: string,
  extensions: Record<string, unknown>,
) {
  const graphql = request.url.startsWith('/graphql');
  return reply
    .code(status)
    .header('cache-control', 'no-store')
    .send(graphql ? { errors: [{ message, extensions }] } : { statusCode: status, message, ...extensions });
}
