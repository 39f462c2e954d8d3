import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { HistoryApi, ManualClock } from './support/history-api.js';
import { recordAuditStory } from './support/history-stories.js';
import { expectError, PlanApi } from './support/plan-api.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { KurrentDbDouble } from './support/kurrentdb-double/kurrentdb-double.js';
import { startKurrentDbApp } from './support/kurrentdb-double/kurrentdb-test-app.js';

// The application with EVENT_STORE_URL set, over HTTP, on the official client and the protocol double.
describe('the application on KurrentDB', () => {
  let double: KurrentDbDouble;
  const apps: TestApp[] = [];
  const start = async (clock?: ManualClock) => {
    const app = await startKurrentDbApp(double, clock?.clock);
    apps.push(app);
    return app;
  };

  beforeAll(async () => {
    double = await KurrentDbDouble.start();
  });

  afterAll(async () => {
    await Promise.all(apps.map((app) => app.close()));
    await double.close();
  });

  it('answers with the same plans, history and time travel as on the embedded store', async () => {
    const clocks = [new ManualClock('2024-03-01T09:00:00.000Z'), new ManualClock('2024-03-01T09:00:00.000Z')];
    const embedded = await startTestApp({ clock: clocks[0]?.clock });
    apps.push(embedded);
    const onKurrentDb = await start(clocks[1]);
    const [sqliteAnswers, kurrentDbAnswers] = await Promise.all(
      [embedded, onKurrentDb].map((app, index) => auditAnswers(app, clocks[index] ?? new ManualClock(''))),
    );
    expect(kurrentDbAnswers).toEqual(sqliteAnswers);
  });

  it('keeps each plan in one KurrentDB stream of JSON events, with our metadata as JSON', async () => {
    const api = new PlanApi(await start());
    const correlationId = 'board-pack-12';
    const response = await api.send(
      'createPlan',
      { title: 'Plan kept in KurrentDB' },
      { 'x-correlation-id': correlationId },
    );
    const planId = (response.data?.createPlan as { id: string }).id;
    const stored = double.log.stream(`improvementPlan-${planId}`) ?? [];
    expect(stored.map((event) => [event.revision, event.type, event.contentType])).toEqual([
      [0, 'PlanCreated', 'application/json'],
    ]);
    const metadata = JSON.parse(Buffer.from(stored[0]?.customMetadata ?? []).toString('utf8')) as object;
    // KurrentDB's reserved names, so that its $by_correlation_id projection links the request's events.
    expect(metadata).toMatchObject({
      $correlationId: correlationId,
      recordedAt: expect.any(String),
      schemaVersion: 1,
    });
  });

  it('lets two instances share one KurrentDB: each converges on the other’s changes', async () => {
    const [first, second] = [new PlanApi(await start()), new PlanApi(await start())];
    const { plan, actions } = await first.seedPlan();
    const action = actions['1.2'];
    await eventually(async () =>
      expect(await second.fullPlan(plan.id)).toEqual(await first.fullPlan(plan.id)),
    );

    const changed = await second.changeRagStatus(action.id, 'GREEN', 'Workshops held', {
      expectedVersion: action.version,
    });
    await eventually(async () => expect(await first.action(action.id)).toEqual(changed));

    // Both still hold the old version: the store lets exactly one of them write.
    const attempts = await Promise.all(
      [first, second].map((api) =>
        api.send('changeRagStatus', {
          actionId: action.id,
          rag: 'RED',
          reason: 'Slipped',
          expectedVersion: changed.version,
        }),
      ),
    );
    const refused = attempts.filter((attempt) => attempt.errors);
    expect(refused).toHaveLength(1);
    for (const refusal of refused) expectError(refusal, { code: 'CONFLICT', field: 'expectedVersion' });
  });

  it('carries on after KurrentDB restarts, neither losing nor repeating a change', async () => {
    const app = await start();
    const api = new PlanApi(app);
    const { actions } = await api.seedPlan();
    await api.addProgressNote(actions['1.1'].id, 'Before the restart.');
    await double.restart();
    await api.addProgressNote(actions['1.1'].id, 'After the restart.');
    const notes = (await api.action(actions['1.1'].id))?.progressNotes.map((note) => note.text);
    expect(notes).toEqual(['Before the restart.', 'After the restart.']);
    expect((await fetch(`${app.url}/health/ready`)).status).toBe(200);
  });

  // Needs PlanProjection.isHealthy to also require `subscription.connected !== false` (see the port).
  it('answers 503 on /health/ready while KurrentDB is unreachable, 200 once it is back', async () => {
    const app = await start();
    await double.stop();
    await eventually(async () => expect((await fetch(`${app.url}/health/ready`)).status).toBe(503));
    await double.resume();
    await eventually(async () => expect((await fetch(`${app.url}/health/ready`)).status).toBe(200));
  });
});

/** What users of the history API see after the same story: every answer, ids and positions aside. */
async function auditAnswers(app: TestApp, clock: ManualClock): Promise<unknown> {
  const api = new HistoryApi(app);
  const { planId, actions } = await recordAuditStory(api, clock);
  const instants = [
    '2024-03-01T12:00:00Z',
    '2024-03-02T10:15:00Z',
    '2024-03-04T14:00:00Z',
    '2024-03-07T10:30:00Z',
  ];
  return normalised({
    now: await api.planAt(planId),
    past: await Promise.all(instants.map((asOf) => api.planAt(planId, { asOf }))),
    versions: await Promise.all([1, 5, 9].map((asOfVersion) => api.planAt(planId, { asOfVersion }))),
    history: await api.allChanges(planId),
    actionHistory: await api.actionHistory(actions['1.1'].id),
    changes: await api.planChanges(planId, { since: '2024-03-02T00:00:00Z' }),
    trend: await api.ragTrend(planId, '2024-03-01T12:00:00Z', '2024-03-09T12:00:00Z', 'DAY'),
  });
}

/** Ids become their order of appearance; positions (store-specific numbers) become their rank. */
function normalised(answers: unknown): unknown {
  const json = JSON.stringify(answers);
  const ids = [...new Set(json.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g))];
  const positions = [
    ...new Set([...json.matchAll(/"position":"(\d+)"/g)].map((match) => BigInt(match[1] ?? 0))),
  ];
  positions.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const renamed = json
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (id) => `id-${ids.indexOf(id)}`)
    .replace(
      /"position":"(\d+)"/g,
      (_, position: string) => `"position":"${positions.indexOf(BigInt(position))}"`,
    );
  return JSON.parse(renamed);
}

async function eventually(check: () => Promise<void>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}
