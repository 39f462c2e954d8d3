import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { OperationsMetrics } from './operations-metrics.js';
import { requestFactsOf } from './request-facts.js';

/** A GraphQL request refused before any operation ran (not signed in, too costly, malformed). */
const NOT_RUN = 'not run';

/**
 * Times every answered request: by route pattern (never the path itself, whose ids would make a
 * label per plan), and GraphQL requests by their operation as well.
 */
export function timeRequests(app: NestFastifyApplication, metrics: OperationsMetrics): void {
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onResponse', async (request: FastifyRequest, reply: FastifyReply) => {
      const seconds = reply.elapsedTime / 1000;
      const route = request.routeOptions.url ?? 'unmatched';
      metrics.httpRequest(request.method, route, reply.statusCode, seconds);
      if (route === '/graphql') {
        metrics.graphqlRequest(requestFactsOf(request.raw).operation ?? NOT_RUN, seconds);
      }
    });
}
