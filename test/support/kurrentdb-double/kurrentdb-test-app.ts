import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../../../src/app.js';
import { PlanProjection } from '../../../src/plans/read-models/plan-projection.js';
import type { AppConfig } from '../../../src/config.js';
import { PLAN_STREAM_PREFIX } from '../../../src/plans/plan-stream.js';
import type { Clock } from '../../../src/shared/clock.js';
import { signedInRequests, type StoredEvent, type TestApp } from '../test-app.js';
import type { KurrentDbDouble } from './kurrentdb-double.js';

/** Shared by every instance of a test file, so that two instances accept the same tokens. */
const SIGN_IN_DIR = mkdtempSync(join(tmpdir(), 'kurrentdb-e2e-sign-in-'));
process.once('exit', () => rmSync(SIGN_IN_DIR, { recursive: true, force: true }));

/**
 * The application configured with EVENT_STORE_URL pointing at the double, behind the same TestApp
 * interface as the embedded-store tests use (so PlanApi and HistoryApi work unchanged). Events are
 * counted and listed from the double's log.
 */
/** The adapter's settings, as KURRENTDB_RETRY_BUDGET_MS and KURRENTDB_DEADLINE_MS give them. */
export interface KurrentDbAppSettings {
  readonly retryBudgetMs?: number;
  readonly deadlineMs?: number;
  /** false: answer as soon as the app listens, before its read side is ready (default true). */
  readonly awaitReady?: boolean;
}

/** Short, so that a test which keeps the server away does not wait out the production budget. */
const TEST_SETTINGS = { retryBudgetMs: 1500, deadlineMs: 5000 };

export async function startKurrentDbApp(
  double: KurrentDbDouble,
  clock?: Clock,
  settings: KurrentDbAppSettings = {},
): Promise<TestApp> {
  const { retryBudgetMs, deadlineMs } = { ...TEST_SETTINGS, ...settings };
  const config: AppConfig = {
    port: 0,
    host: '127.0.0.1',
    // Events go to the double; only the embedded sign-in key is kept here.
    dataDir: SIGN_IN_DIR,
    eventStoreUrl: double.connectionString,
    logLevel: 'error',
  };
  let app: NestFastifyApplication | undefined;
  let url = '';

  const start = async (): Promise<void> => {
    // Read from the environment at start-up, as in production; restored at once for other apps.
    const before = { ...process.env };
    process.env.KURRENTDB_RETRY_BUDGET_MS = String(retryBudgetMs);
    process.env.KURRENTDB_DEADLINE_MS = String(deadlineMs);
    let created: NestFastifyApplication;
    try {
      created = await createApp(config, clock);
    } finally {
      process.env.KURRENTDB_RETRY_BUDGET_MS = before.KURRENTDB_RETRY_BUDGET_MS;
      process.env.KURRENTDB_DEADLINE_MS = before.KURRENTDB_DEADLINE_MS;
      if (before.KURRENTDB_RETRY_BUDGET_MS === undefined) delete process.env.KURRENTDB_RETRY_BUDGET_MS;
      if (before.KURRENTDB_DEADLINE_MS === undefined) delete process.env.KURRENTDB_DEADLINE_MS;
    }
    await created.listen(0, '127.0.0.1');
    if (settings.awaitReady !== false) await created.get(PlanProjection).whenReady();
    app = created;
    url = `http://127.0.0.1:${(created.getHttpServer().address() as AddressInfo).port}`;
  };
  const stop = async (): Promise<void> => {
    const running = app;
    app = undefined;
    await running?.close();
  };
  const planEvents = () => double.log.events.filter((event) => event.stream.startsWith(PLAN_STREAM_PREFIX));

  await start();
  return {
    get url() {
      return url;
    },
    dataDir: config.dataDir,
    get nest() {
      if (!app) throw new Error('The app is not running');
      return app;
    },
    ...signedInRequests(config.dataDir, () => url),
    async restart() {
      await stop();
      await start();
    },
    close: stop,
    eventCount: () => planEvents().length,
    storedEvents: (): StoredEvent[] =>
      planEvents().map((event) => ({
        position: Number(event.position),
        stream: event.stream,
        revision: event.revision,
        type: event.type,
        data: JSON.parse(Buffer.from(event.data).toString('utf8')) as Record<string, unknown>,
        metadata: JSON.parse(Buffer.from(event.customMetadata).toString('utf8')) as Record<string, unknown>,
      })),
  };
}
