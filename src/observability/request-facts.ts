import type { IncomingMessage } from 'node:http';

/**
 * What the GraphQL layer learns about a request that the access log line and the latency metric
 * report once it is answered: the operation's name and the correlation id its events carry. Kept
 * beside the raw request (the one object the HTTP server, pino-http and the resolvers share).
 */
export interface RequestFacts {
  readonly operation?: string;
  readonly correlationId?: string;
}

const facts = new WeakMap<IncomingMessage, RequestFacts>();

/** A GraphQL name as the grammar allows, short enough for a log line and a metric label. */
const OPERATION_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/;

export function noteRequestFacts(request: IncomingMessage, more: RequestFacts): void {
  facts.set(request, { ...facts.get(request), ...more });
}

export function requestFactsOf(request: IncomingMessage): RequestFacts {
  return facts.get(request) ?? {};
}

/** The operation's name if it is a real GraphQL name, else undefined (never the client's raw text). */
export function operationNameOf(name: unknown): string | undefined {
  return typeof name === 'string' && OPERATION_NAME.test(name) ? name : undefined;
}
