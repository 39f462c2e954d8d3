import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/** One result pushed on a subscription (data, or the errors that ended it). */
export interface Pushed<T> {
  readonly data?: T | null;
  readonly errors?: readonly { readonly message: string; readonly extensions?: Record<string, unknown> }[];
}

/**
 * A graphql-ws connection opened as a browser page opens it: the upgrade carries the page's
 * cookies and Origin (headers a browser sets itself), connection_init carries `connectionParams`.
 */
export class PageSocket {
  private readonly client: Client;
  readonly connected: Promise<void>;
  readonly closed: Promise<{ code: number; reason: string }>;

  constructor(
    httpUrl: string,
    upgradeHeaders: Record<string, string>,
    connectionParams: Record<string, unknown> = {},
  ) {
    let connected!: () => void;
    let closed!: (event: { code: number; reason: string }) => void;
    this.connected = new Promise((resolve) => (connected = resolve));
    this.closed = new Promise((resolve) => (closed = resolve));
    class BrowserLikeSocket extends WebSocket {
      constructor(address: string | URL, protocols?: string | string[]) {
        super(address, protocols, { headers: upgradeHeaders });
      }
    }
    this.client = createClient({
      url: `${httpUrl.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: BrowserLikeSocket,
      lazy: false,
      retryAttempts: 0,
      connectionParams,
      on: {
        connected: () => connected(),
        closed: (event) => {
          const { code, reason } = event as { code: number; reason: string };
          closed({ code, reason: String(reason) });
        },
      },
      // A refused connection is what some tests expect: keep it from surfacing as an unhandled error.
      onNonLazyError: () => undefined,
    });
  }

  /** Subscribes; `next()` gives the results in order, waiting for the next one if need be. */
  subscribe<T>(query: string, variables: Record<string, unknown>): { next(): Promise<Pushed<T>> } {
    const received: Pushed<T>[] = [];
    const waiting: ((result: Pushed<T>) => void)[] = [];
    const deliver = (result: Pushed<T>) => {
      const waiter = waiting.shift();
      if (waiter) waiter(result);
      else received.push(result);
    };
    this.client.subscribe<T>(
      { query, variables },
      {
        next: (result) => deliver(result as Pushed<T>),
        error: (error) => deliver({ errors: Array.isArray(error) ? error : [{ message: String(error) }] }),
        complete: () => undefined,
      },
    );
    return {
      next: () => {
        const result = received.shift();
        return result ? Promise.resolve(result) : new Promise((resolve) => waiting.push(resolve));
      },
    };
  }

  dispose(): Promise<void> {
    return Promise.resolve(this.client.dispose());
  }
}
