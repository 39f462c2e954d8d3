import { GraphQLError } from 'graphql';
import type { Context } from 'graphql-ws';
import type { WebSocket } from 'ws';

/**
 * How much one client may hold open on the live endpoint. Every change is pushed to every
 * subscription of its plan, so unbounded subscriptions make every write slower for everyone (one
 * socket holding 20,000 took a mutation from milliseconds to about a second).
 */
export interface LiveLimits {
  /** Operations running at once on one connection (a live subscription runs until it ends). */
  readonly subscriptionsPerConnection: number;
  /** Live connections one signed-in user (token subject) may hold at once, across tabs and tools. */
  readonly connectionsPerUser: number;
  /** How long a new connection may take to send connection_init before it is closed (ms). */
  readonly connectionInitWaitMs: number;
}

export const LIVE_LIMITS: LiveLimits = {
  subscriptionsPerConnection: 20,
  connectionsPerUser: 20,
  connectionInitWaitMs: 3_000,
};

/** Close codes in the private range, in the spirit of HTTP 403 and 429. */
export const FORBIDDEN_ORIGIN_CLOSE = 4403;
export const TOO_MANY_CONNECTIONS_CLOSE = 4429;

/** The live connections of one running app, each counted against the limits. */
export class LiveConnections {
  /** Each signed-in connection and the user who holds it. */
  private readonly holders = new Map<Context, string>();

  constructor(readonly limits: LiveLimits = LIVE_LIMITS) {}

  /**
   * Counts a signed-in connection for its user, or closes it when the user already holds as many
   * as allowed (the client may try again once one of the others has ended).
   */
  admit(context: Context, userId: string, socket: WebSocket): boolean {
    const held = [...this.holders.values()].filter((holder) => holder === userId).length;
    if (held >= this.limits.connectionsPerUser) {
      socket.close(
        TOO_MANY_CONNECTIONS_CLOSE,
        `Too many live connections: ${this.limits.connectionsPerUser} at once per user`,
      );
      return false;
    }
    this.holders.set(context, userId);
    return true;
  }

  forget(context: Context): void {
    this.holders.delete(context);
  }

  /**
   * Why one more operation on this connection is refused, or undefined when it is within the
   * limit. graphql-ws has already registered the new operation's id when it asks, so the new one
   * is counted too.
   */
  refusal(context: Context): readonly GraphQLError[] | undefined {
    const limit = this.limits.subscriptionsPerConnection;
    if (Object.keys(context.subscriptions).length <= limit) return undefined;
    return [
      new GraphQLError(
        `This connection already has ${limit} subscriptions running, the most one connection may ` +
          'have: end one before starting another',
        { extensions: { code: 'BAD_USER_INPUT', limit } },
      ),
    ];
  }
}
