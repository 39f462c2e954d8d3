import autocannon, { type AutocannonRequest } from 'autocannon';

/** Load on one GraphQL endpoint: each connection sends its requests one after another. */
export interface Load {
  readonly url: string;
  readonly connections: number;
  readonly seconds: number;
  readonly headers: Readonly<Record<string, string>>;
  /** The body of a connection's n-th request (connections are numbered 0 to connections-1). */
  readonly body: (connection: number, sequence: number) => string;
  /** Every answer's data, for callers that track what the server now holds. */
  readonly onData?: (data: Record<string, unknown>) => void;
}

export interface LoadResult {
  readonly requestsPerSecond: number;
  readonly requests: number;
  /** From autocannon's own clock of each answer, in ms (finer than its histogram's whole ms). */
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Socket errors and timeouts, answers other than 2xx, and 200s carrying GraphQL errors. */
  readonly errors: number;
  readonly non2xx: number;
  readonly graphqlErrors: number;
  /** The first GraphQL error seen, to say why. */
  readonly firstError?: string;
}

/** Runs autocannon (programmatic API) and checks every answer's body for GraphQL errors. */
export async function runLoad(load: Load): Promise<LoadResult> {
  let connections = 0;
  let graphqlErrors = 0;
  let firstError: string | undefined;
  const samples: number[] = [];
  const request: AutocannonRequest = {
    method: 'POST',
    path: '/graphql',
    headers: { 'content-type': 'application/json', ...load.headers },
    // autocannon deep-copies its options for each connection: this object is one connection's own.
    connection: { index: -1, sequence: 0 },
    setupRequest: (req) => {
      const state = req.connection as { index: number; sequence: number };
      if (state.index < 0) state.index = connections++;
      return { ...req, body: load.body(state.index, state.sequence++) };
    },
    onResponse: (status, body) => {
      if (status !== 200) return;
      const answer = JSON.parse(body) as { data?: Record<string, unknown>; errors?: unknown[] };
      if (answer.errors?.length || !answer.data) {
        graphqlErrors += 1;
        firstError ??= body.slice(0, 500);
      } else {
        load.onData?.(answer.data);
      }
    },
  };
  const instance = autocannon({
    url: load.url,
    connections: load.connections,
    pipelining: 1,
    duration: load.seconds,
    timeout: 10,
    requests: [request],
  });
  instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => {
    samples.push(ms);
  });
  const result = await instance;
  samples.sort((a, b) => a - b);
  const at = (fraction: number) =>
    samples[Math.min(samples.length - 1, Math.floor(fraction * samples.length))] ?? NaN;
  return {
    requestsPerSecond: result.requests.total / result.duration,
    requests: result.requests.total,
    p50Ms: at(0.5),
    p99Ms: at(0.99),
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    graphqlErrors,
    ...(firstError ? { firstError } : {}),
  };
}
