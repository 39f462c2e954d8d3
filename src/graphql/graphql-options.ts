import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import type { FastifyRequest } from 'fastify';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type ExecutionResult } from 'graphql';
import { formatGraphQLError } from './errors.js';
import { requestContext } from './request-context.js';

/** Errors pushed over graphql-ws get the same treatment as HTTP answers: nothing internal leaves. */
function formatLiveResult(result: ExecutionResult) {
  if (!result.errors) return undefined;
  return { ...result, errors: result.errors.map((error) => formatGraphQLError(error.toJSON(), error)) };
}

/** Apollo would run a subscription over HTTP as a one-off query; say where it is served instead. */
const subscriptionsOverWebSocketOnly: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation }) {
        if (operation?.operation !== 'subscription') return;
        throw new GraphQLError('Subscriptions are served over WebSocket (graphql-ws) on this same URL', {
          extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
        });
      },
    };
  },
};

export const graphqlOptions: ApolloDriverConfig = {
  driver: ApolloDriver,
  autoSchemaFile: true,
  sortSchema: true,
  context: (request: FastifyRequest) => ({ req: request, ...requestContext(request) }),
  formatError: formatGraphQLError,
  includeStacktraceInErrorResponses: false,
  plugins: [subscriptionsOverWebSocketOnly],
  subscriptions: {
    'graphql-ws': { onNext: (_context, _id, _payload, _args, result) => formatLiveResult(result) },
  },
};
