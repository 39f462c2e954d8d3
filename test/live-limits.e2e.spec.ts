import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { LIVE_LIMITS } from '../src/graphql/live-limits.js';
import { SERVER_LIMITS } from '../src/http/server-options.js';
import { PlanApi } from './support/plan-api.js';
import { startTestApp, type GraphQLErrorBody, type TestApp } from './support/test-app.js';

const PLAN_CHANGED = 'subscription ($planId: ID!) { planChanged(planId: $planId) { kind version } }';

type Result = { data?: { planChanged: { kind: string } } | null; errors?: readonly GraphQLErrorBody[] };

/** A graphql-ws connection as a browser on `origin` (or a non-browser client, without) opens it. */
function connect(url: string, authorization: string, origin?: string) {
  class FromOrigin extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, origin === undefined ? {} : { origin });
    }
  }
  let acked!: () => void;
  let closed!: (code: number) => void;
  const connected = new Promise<void>((resolve) => (acked = resolve));
  const closedWith = new Promise<number>((resolve) => (closed = resolve));
  const client: Client = createClient({
    url: `${url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: FromOrigin,
    lazy: false,
    retryAttempts: 0,
    connectionParams: { authorization },
    on: { connected: () => acked(), closed: (event) => closed((event as { code: number }).code) },
    onNonLazyError: () => undefined,
  });
  /** Whether the server acknowledged the connection (true) or closed it first (its close code). */
  const outcome = Promise.race([connected.then(() => true as const), closedWith]);
  return { client, outcome };
}

/** Subscribes; the first result (or error) it receives, and a way to end it. */
function subscribe(client: Client, planId: string) {
  const results: Result[] = [];
  let notify: (() => void) | undefined;
  const end = client.subscribe<Result['data']>(
    { query: PLAN_CHANGED, variables: { planId } },
    {
      next: (result) => (results.push(result as Result), notify?.()),
      error: (error) => (results.push({ errors: error as GraphQLErrorBody[] }), notify?.()),
      complete: () => undefined,
    },
  );
  const first = () =>
    results[0]
      ? Promise.resolve(results[0])
      : new Promise<Result>((resolve) => (notify = () => resolve(results[0]!)));
  return { first, end };
}

describe('the live endpoint holds each client to its share', () => {
  let app: TestApp;
  let plans: PlanApi;
  let planId: string;

  beforeAll(async () => {
    app = await startTestApp();
    plans = new PlanApi(app);
    planId = (await plans.createPlan()).id;
  });

  afterAll(() => app.close());

  it(`refuses a subscription beyond ${LIVE_LIMITS.subscriptionsPerConnection} on one connection, and takes one again once another ends`, async () => {
    const { client, outcome } = connect(app.url, (await app.adminHeaders()).authorization!);
    expect(await outcome).toBe(true);
    const held = Array.from({ length: LIVE_LIMITS.subscriptionsPerConnection }, () =>
      subscribe(client, planId),
    );
    const refused = await subscribe(client, planId).first();
    expect(refused.errors?.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors?.[0]?.message).toMatch(/already has 20 subscriptions running/);

    held[0]!.end();
    const taken = subscribe(client, planId);
    await plans.approvePlan(planId);
    expect((await taken.first()).data?.planChanged.kind).toBe('PLAN_APPROVED');
    expect((await held[1]!.first()).data?.planChanged.kind).toBe('PLAN_APPROVED');
    await client.dispose();
  });

  it(`closes a user's connection beyond ${LIVE_LIMITS.connectionsPerUser} with 4429, and no one else's`, async () => {
    const token = `Bearer ${await app.tokenFor({ name: 'Many Tabs', roles: ['VIEWER'] })}`;
    const open = Array.from({ length: LIVE_LIMITS.connectionsPerUser }, () => connect(app.url, token));
    expect(await Promise.all(open.map(({ outcome }) => outcome))).toEqual(open.map(() => true));
    const beyond = connect(app.url, token);
    expect(await beyond.outcome).toBe(4429);
    const someoneElse = connect(app.url, (await app.adminHeaders()).authorization!);
    expect(await someoneElse.outcome).toBe(true);

    await open[0]!.client.dispose();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const again = connect(app.url, token);
    expect(await again.outcome).toBe(true);
    await Promise.all([...open.slice(1), again, someoneElse].map(({ client }) => client.dispose()));
  });

  it('closes a connection from another site with 4403 though its token is valid; our own pages and non-browser clients connect', async () => {
    const { authorization } = await app.adminHeaders();
    const own = new URL(app.url).origin;
    const outcomes = await Promise.all(
      [
        connect(app.url, authorization!, 'https://evil.example'),
        connect(app.url, authorization!, 'null'),
        connect(app.url, authorization!, own),
        connect(app.url, authorization!),
      ].map(async ({ client, outcome }) => {
        const result = await outcome;
        await client.dispose();
        return result;
      }),
    );
    expect(outcomes).toEqual([4403, 4403, true, true]);
  });

  it('answers NOT_FOUND to a subscription to a plan id that is malformed or not a plan', async () => {
    const { client } = connect(app.url, (await app.adminHeaders()).authorization!);
    for (const id of ['', 'not-a-plan', '00000000-0000-4000-8000-000000000000']) {
      const result = await subscribe(client, id).first();
      expect(result.errors?.map((error) => [error.extensions?.code, error.extensions?.field])).toEqual([
        ['NOT_FOUND', 'planId'],
      ]);
    }
    await client.dispose();
  });

  it('holds an operation sent over the live connection to the limits of an HTTP request', async () => {
    const { client } = connect(app.url, (await app.adminHeaders()).authorization!);
    const run = (query: string) =>
      new Promise<Result>((resolve) => {
        client.subscribe(
          { query },
          {
            next: (result) => resolve(result as Result),
            error: (errors) => resolve({ errors: errors as GraphQLErrorBody[] }),
            complete: () => undefined,
          },
        );
      });
    const refusal = async (query: string) =>
      (await run(query)).errors?.map(({ extensions }) => [extensions?.code, extensions?.field]);
    const aliases = Array.from({ length: 200 }, (_, index) => `a${index}: plans { id }`).join(' ');
    expect(await refusal(`{ ${aliases} }`)).toEqual([['BAD_USER_INPUT', 'query']]);
    expect(await refusal(`{ ${'__typename '.repeat(5_000)}}`)).toEqual([['BAD_USER_INPUT', 'query']]);
    expect(
      await refusal('mutation { a: closePlan(input: {}) { id } b: closePlan(input: {}) { id } }'),
    ).toEqual([['BAD_USER_INPUT', 'b']]);
    expect(await refusal('{ plans { id ')).toEqual([['GRAPHQL_PARSE_FAILED', undefined]]);
    expect((await run('{ plans { id } }')).data).toEqual({ plans: [{ id: planId }] });
    await client.dispose();
  });

  it('runs its HTTP server with the request deadlines and connection cap', () => {
    const server = app.nest.getHttpServer();
    expect({
      requestTimeout: server.requestTimeout,
      headersTimeout: server.headersTimeout,
      maxConnections: server.maxConnections,
    }).toEqual({
      requestTimeout: SERVER_LIMITS.requestTimeoutMs,
      headersTimeout: SERVER_LIMITS.headersTimeoutMs,
      maxConnections: SERVER_LIMITS.maxConnections,
    });
  });
});
