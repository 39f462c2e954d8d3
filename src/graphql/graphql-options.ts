import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import type { FastifyRequest } from 'fastify';
import type { ApolloServerPlugin } from '@apollo/server';
import { recordedPosition } from './recorded-position.js';
import { GraphQLError, type ExecutionResult } from 'graphql';
import type { Context } from 'graphql-ws';
import type { Authenticator } from '../auth/authenticator.js';
import { formatGraphQLError } from './errors.js';
import { oneMutationPerRequest } from './one-mutation-per-request.js';
import { requestContext, type RequestContext } from './request-context.js';
import { hideSchemaDetails, MAX_TOKENS, requestLimits } from './request-limits.js';
import { FORBIDDEN_ORIGIN_CLOSE, LiveConnections, type LiveLimits } from './live-limits.js';
import { LiveSchema } from './live-operation-limits.js';
import {
  fromAllowedOrigin,
  signInOverWebSocket,
  type LiveConnectionExtra,
  type SessionSignIn,
} from './web-socket-sign-in.js';

/** Errors pushed over graphql-ws get the same treatment as HTTP answers: nothing internal leaves. */
function formatLiveResult(result: ExecutionResult) {
  if (!result.errors) return undefined;
  return { ...result, errors: result.errors.map((error) => formatGraphQLError(error.toJSON(), error)) };
}

/** A refusal before an operation runs on a live connection, formatted as over HTTP (its field). */
function formatLiveError(error: GraphQLError): GraphQLError {
  const { message, extensions } = formatGraphQLError(error.toJSON(), error);
  return new GraphQLError(message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    extensions,
  });
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

/** Who may open the live endpoint, and how much each may hold open. */
export interface LiveOptions {
  /** Other sites whose pages may open it (config.allowedOrigins, from CORS_ORIGINS). */
  readonly allowedOrigins?: readonly string[];
  readonly limits?: LiveLimits;
}

/**
 * Opens a live connection: from an allowed origin, signed in, and within its user's share of
 * connections; otherwise closes it with a code saying which.
 */
function liveSignIn(
  authenticator: Authenticator,
  sessionSignIn: SessionSignIn | undefined,
  { allowedOrigins }: LiveOptions,
  connections: LiveConnections,
) {
  return async (context: Context<Record<string, unknown> | undefined, unknown>): Promise<boolean> => {
    const extra = context.extra as LiveConnectionExtra;
    if (!fromAllowedOrigin(extra.request, allowedOrigins)) {
      extra.socket.close(FORBIDDEN_ORIGIN_CLOSE, 'Forbidden: this site may not open a live connection');
      return false;
    }
    if (!(await signInOverWebSocket(authenticator, context, sessionSignIn))) return false;
    const { authentication } = extra;
    return (
      authentication?.kind === 'signedIn' && connections.admit(context, authentication.user.id, extra.socket)
    );
  };
}

/**
 * The GraphQL server's options. Every request is authenticated here, once: from the Authorization
 * header over HTTP, from the connection_init payload on a live connection (or, for the web pages,
 * their session cookie: `sessionSignIn`). What the signed-in user may do is then the access
 * guard's decision.
 */
export function graphqlOptions(
  authenticator: Authenticator,
  sessionSignIn?: SessionSignIn,
  live: LiveOptions = {},
): ApolloDriverConfig {
  const connections = new LiveConnections(live.limits);
  const liveSchema = new LiveSchema(hideSchemaDetails());
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
    // An error may set its HTTP status (UNAVAILABLE answers 503 with Retry-After); Nest would reset it to 200.
    preserveHttpStatusForExecutionErrors: false,
    plugins: [
      subscriptionsOverWebSocketOnly,
      oneMutationPerRequest,
      requestLimits,
      liveSchema.plugin,
      recordedPosition,
    ],
    parseOptions: { maxTokens: MAX_TOKENS },
    hideSchemaDetailsFromClientErrors: hideSchemaDetails(),
    subscriptions: {
      'graphql-ws': {
        connectionInitWaitTimeout: connections.limits.connectionInitWaitMs,
        onConnect: liveSignIn(authenticator, sessionSignIn, live, connections),
        onClose: (context) => connections.forget(context),
        onSubscribe: (context, _id, payload) => {
          const checked = connections.refusal(context) ?? liveSchema.check(payload);
          return Array.isArray(checked) ? checked.map(formatLiveError) : checked;
        },
        onNext: (_context, _id, _payload, _args, result) => formatLiveResult(result),
      },
    },
  };
}
