import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Database } from '../../src/event-store/sqlite/sqlite-driver.js';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../../src/app.js';
import { PlanProjection } from '../../src/plans/read-models/plan-projection.js';
import type { AppConfig } from '../../src/config.js';
import { mintLocalToken, type LocalTokenRequest } from '../../src/auth/tokens/mint-token.js';
import type { Clock } from '../../src/shared/clock.js';

/** One error of a GraphQL response, as a client sees it. */
export interface GraphQLErrorBody {
  readonly message: string;
  readonly path?: readonly (string | number)[];
  readonly locations?: readonly { line: number; column: number }[];
  readonly extensions?: {
    readonly code?: string;
    readonly field?: string;
    readonly reason?: string;
    readonly stacktrace?: unknown;
    readonly [key: string]: unknown;
  };
}

export interface GraphQLResponse<T> {
  readonly status: number;
  readonly data?: T | null;
  readonly errors?: readonly GraphQLErrorBody[];
  /** The raw response body, to check that nothing internal (stack frames) leaves the server. */
  readonly body: string;
}

/** An event row of `<dataDir>/events.db`, metadata parsed. */
export interface StoredEvent {
  readonly position: number;
  readonly stream: string;
  readonly revision: number;
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly metadata: Record<string, unknown>;
}

export interface TestApp {
  /** Base URL of the running instance (changes on restart: the port is chosen by the OS). */
  readonly url: string;
  readonly dataDir: string;
  /** The running Nest application, for the rare test that must reach inside (e.g. to wrap the store). */
  readonly nest: NestFastifyApplication;
  /**
   * Sends as the test ADMIN unless `headers` carry their own `authorization` (an empty one sends
   * none: an anonymous request).
   */
  graphql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<T>>;
  /** A sign-in token for this app's embedded key (roles default to ADMIN). */
  tokenFor(request?: Partial<LocalTokenRequest>): Promise<string>;
  /** `{ authorization: 'Bearer …' }` for the test ADMIN, for requests made without graphql(). */
  adminHeaders(): Promise<Record<string, string>>;
  /** Closes the app and starts a new one on the same data directory. */
  restart(): Promise<void>;
  /** Closes the app; removes the data directory unless the caller supplied it. */
  close(): Promise<void>;
  /** Rows in the events table, read through a separate read-only connection. */
  eventCount(): number;
  storedEvents(): StoredEvent[];
}

/**
 * A controllable clock: starts at `start` and moves on by `stepMs` every time the app reads it,
 * so transaction times are realistic, increasing and predictable.
 */
export class TestClock {
  private current: number;

  constructor(
    start = '2024-04-25T09:00:00.000Z',
    private readonly stepMs = 1000,
  ) {
    this.current = Date.parse(start);
  }

  readonly clock: Clock = () => {
    const now = new Date(this.current);
    this.current += this.stepMs;
    return now;
  };

  /** What the clock will say next, without moving it. */
  peek(): string {
    return new Date(this.current).toISOString();
  }

  set(instant: string): void {
    this.current = Date.parse(instant);
  }
}

export async function startTestApp(
  options: { dataDir?: string; clock?: Clock; auth?: AppConfig['auth']; planCacheEvents?: number } = {},
): Promise<TestApp> {
  const ownsDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'plans-e2e-'));
  const databasePath = join(dataDir, 'events.db');
  let app: NestFastifyApplication | undefined;
  let url = '';

  const start = async (): Promise<void> => {
    const config = {
      port: 0,
      host: '127.0.0.1',
      dataDir,
      logLevel: 'error' as const,
      auth: options.auth,
      ...(options.planCacheEvents ? { planCacheEvents: options.planCacheEvents } : {}),
    };
    const created = await createApp(config, options.clock);
    await created.listen(0, '127.0.0.1');
    // The app listens at once; the tests start once its read side is ready, as a load balancer would.
    await created.get(PlanProjection).whenReady();
    const address = created.getHttpServer().address() as AddressInfo;
    app = created;
    url = `http://127.0.0.1:${address.port}`;
  };

  const stop = async (): Promise<void> => {
    const running = app;
    app = undefined;
    await running?.close();
  };

  const query = <Row>(sql: string): Row[] => {
    const db = new Database(databasePath, { readonly: true, fileMustExist: true });
    try {
      return db.prepare(sql).all() as Row[];
    } finally {
      db.close();
    }
  };

  const signIn = signedInRequests(dataDir, () => url);

  try {
    await start();
  } catch (error) {
    if (ownsDir) rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }

  return {
    get url() {
      return url;
    },
    dataDir,
    get nest() {
      if (!app) throw new Error('The app is not running');
      return app;
    },
    ...signIn,
    async restart() {
      await stop();
      await start();
    },
    async close() {
      await stop();
      if (ownsDir) rmSync(dataDir, { recursive: true, force: true });
    },
    eventCount() {
      return query<{ count: number }>('SELECT count(*) AS count FROM events')[0]?.count ?? 0;
    },
    storedEvents() {
      const rows = query<Omit<StoredEvent, 'data' | 'metadata'> & { data: string; metadata: string }>(
        'SELECT position, stream, revision, type, data, metadata FROM events ORDER BY position',
      );
      return rows.map((row) => ({
        ...row,
        data: JSON.parse(row.data) as Record<string, unknown>,
        metadata: JSON.parse(row.metadata) as Record<string, unknown>,
      }));
    },
  };
}

/**
 * GraphQL requests signed in as a test ADMIN by default, with tokens made with the app's embedded
 * key in dataDir (the same key `npm run token` uses).
 */
export function signedInRequests(
  dataDir: string,
  urlOf: () => string,
): Pick<TestApp, 'graphql' | 'tokenFor' | 'adminHeaders'> {
  const tokenFor = (request: Partial<LocalTokenRequest> = {}) =>
    mintLocalToken(dataDir, { name: 'Test Admin', roles: ['ADMIN'], ...request });
  let adminToken: Promise<string> | undefined;
  const adminHeaders = async () => ({ authorization: `Bearer ${await (adminToken ??= tokenFor())}` });
  return {
    tokenFor,
    adminHeaders,
    async graphql(source, variables, headers = {}) {
      const signedIn = 'authorization' in headers ? {} : await adminHeaders();
      const sent: Record<string, string> = { ...signedIn, ...headers };
      if (sent.authorization === '') delete sent.authorization;
      return postGraphQL(urlOf(), source, variables, sent);
    },
  };
}

/** Polls until the condition holds (for what reaches an app by polling, e.g. another instance's writes). */
export async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** One GraphQL request over HTTP, as a client would send it. */
export async function postGraphQL<T>(
  url: string,
  source: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: source, variables }),
  });
  const body = await response.text();
  const parsed = JSON.parse(body) as { data?: T | null; errors?: GraphQLErrorBody[] };
  return { status: response.status, data: parsed.data, errors: parsed.errors, body };
}
