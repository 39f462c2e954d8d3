import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { KurrentDbDouble } from '../support/kurrentdb-double/kurrentdb-double.js';
import { startKurrentDbApp } from '../support/kurrentdb-double/kurrentdb-test-app.js';
import { dataOf } from '../support/plan-api.js';
import { waitUntil, type TestApp } from '../support/test-app.js';

const status = async (app: TestApp, path: string) => (await fetch(`${app.url}${path}`)).status;

// Started while its store is away: an orchestrator must see it alive, a load balancer not ready.
describe('an instance whose store is away when it starts', () => {
  let double: KurrentDbDouble;
  let app: TestApp;

  beforeAll(async () => {
    double = await KurrentDbDouble.start();
    await double.stop();
    app = await startKurrentDbApp(double, undefined, { retryBudgetMs: 300, awaitReady: false });
  });

  afterAll(async () => {
    await app?.close();
    await double?.close();
  });

  it('is live at once, answers 503 until its plan index is built, then serves', async () => {
    expect(await status(app, '/health/live')).toBe(200);
    expect(await status(app, '/health/ready')).toBe(503);
    const early = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await app.adminHeaders()) },
      body: JSON.stringify({ query: '{ plans { id } }' }),
    });
    expect(early.status).toBe(503);
    expect(Number(early.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await early.json()) as unknown).toEqual({
      errors: [expect.objectContaining({ extensions: expect.objectContaining({ code: 'UNAVAILABLE' }) })],
    });

    await double.resume();
    await waitUntil(async () => (await status(app, '/health/ready')) === 200, 15_000);
    expect(dataOf(await app.graphql('{ plans { id } }'))).toEqual({ plans: [] });
  });
});
