import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import type { FastifyRequest } from 'fastify';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type ExecutionResult } from 'graphql';
import type { Authenticator } from '../auth/authenticator.js';
import { formatGraphQLError } from './errors.js';
import { oneMutationPerRequest, refuseSeveralMutations } from './one-mutation-per-request.js';
import { requestContext, type RequestContext } from './request-context.js';
import { hideSchemaDetails, MAX_TOKENS, requestLimits } from './request-limits.js';
import { signInOverWebSocket, type LiveConnectionExtra, type SessionSignIn } from './web-socket-sign-in.js';

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

/** What graphql-ws hands the context function for an operation on a live connection. */
interface LiveOperation {
  readonly extra: LiveConnectionExtra;
}

const isLive = (value: unknown): value is LiveOperation =>
  typeof value === 'object' && value !== null && 'extra' in value && 'connectionParams' in value;

/**
 * The GraphQL server's options. Every request is authenticated here, once: from the Authorization
 * header over HTTP, from the connection_init payload on a live connection (or, for the web pages,
 * their session cookie: `sessionSignIn`). What the signed-in user may do is then the access
 * guard's decision.
 */
export function graphqlOptions(
  authenticator: Authenticator,
  sessionSignIn?: SessionSignIn,
): ApolloDriverConfig {
  return {
    driver: ApolloDriver,
    autoSchemaFile: true,
    sortSchema: true,
    context: async (request: FastifyRequest | LiveOperation): Promise<RequestContext> => {
      if (isLive(request)) {
        const { request: upgrade, authentication } = request.extra;
        return requestContext(upgrade.headers, authentication ?? { kind: 'anonymous' });
      }
      const authentication = await authenticator.authenticate(request.headers.authorization);
      return { req: request, ...requestContext(request.headers, authentication) } as RequestContext;
    },
    formatError: formatGraphQLError,
    includeStacktraceInErrorResponses: false,
    plugins: [subscriptionsOverWebSocketOnly, oneMutationPerRequest, requestLimits],
    parseOptions: { maxTokens: MAX_TOKENS },
    hideSchemaDetailsFromClientErrors: hideSchemaDetails(),
    subscriptions: {
      'graphql-ws': {
        onConnect: (context) => signInOverWebSocket(authenticator, context, sessionSignIn),
        onSubscribe: (_context, _id, payload) => refuseSeveralMutations(payload),
        onNext: (_context, _id, _payload, _args, result) => formatLiveResult(result),
      },
    },
  };
}
