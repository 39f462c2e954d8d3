import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { GraphQLErrorBody } from './test-app.js';

/** What a graphql-ws client received for one subscription, in order. */
export interface Subscription<T> {
  /** The next result not yet taken, waiting for it if need be. */
  next(): Promise<{ data?: T | null; errors?: readonly GraphQLErrorBody[] }>;
  /** Resolves when the server completes the subscription. */
  readonly completed: Promise<void>;
  unsubscribe(): void;
}

/** A graphql-ws client of the app's /graphql endpoint (ws://), connected once the server acks. */
export class LiveClient {
  private readonly client: Client;
  readonly connected: Promise<void>;
  /** The close code and reason once the socket closes (4401: not, or no longer, signed in). */
  readonly closed: Promise<{ code: number; reason: string }>;

  /** `authorization` goes in the connection_init payload ("Bearer …"); undefined sends none. */
  constructor(httpUrl: string, authorization?: string) {
    let connected!: () => void;
    let closed!: (event: { code: number; reason: string }) => void;
    this.connected = new Promise((resolve) => (connected = resolve));
    this.closed = new Promise((resolve) => (closed = resolve));
    this.client = createClient({
      url: `${httpUrl.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      lazy: false,
      retryAttempts: 0,
      connectionParams: authorization === undefined ? undefined : { authorization },
      on: {
        connected: () => connected(),
        closed: (event) => {
          const { code, reason } = event as { code: number; reason: string };
          closed({ code, reason: String(reason) });
        },
      },
    });
  }

  /** A client signed in as the app's test ADMIN. */
  static async signedIn(app: { url: string; adminHeaders(): Promise<Record<string, string>> }) {
    return new LiveClient(app.url, (await app.adminHeaders()).authorization);
  }

  subscribe<T>(query: string, variables: Record<string, unknown>): Subscription<T> {
    type Result = { data?: T | null; errors?: readonly GraphQLErrorBody[] };
    const received: Result[] = [];
    const waiting: ((result: Result) => void)[] = [];
    let completed!: () => void;
    const done = new Promise<void>((resolve) => (completed = resolve));
    const deliver = (result: Result) => {
      const waiter = waiting.shift();
      if (waiter) waiter(result);
      else received.push(result);
    };
    const unsubscribe = this.client.subscribe<T>(
      { query, variables },
      {
        next: (result) => deliver(result as Result),
        error: (error) => {
          const errors = Array.isArray(error) ? error : [{ message: String(error) }];
          deliver({ errors: errors as GraphQLErrorBody[] });
          completed();
        },
        complete: () => completed(),
      },
    );
    return {
      next: () => {
        const result = received.shift();
        return result ? Promise.resolve(result) : new Promise((resolve) => waiting.push(resolve));
      },
      completed: done,
      unsubscribe,
    };
  }

  dispose(): Promise<void> {
    return Promise.resolve(this.client.dispose());
  }
}
