import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { IOW_PLAN, NOTES, PlanApi, THEMES, dataOf } from './support/plan-api.js';
import { startTestApp, TestClock, type StoredEvent, type TestApp } from './support/test-app.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('what every stored event records about its change', () => {
  const clock = new TestClock('2024-04-25T09:00:00.000Z');
  let app: TestApp;
  let api: PlanApi;

  beforeAll(async () => {
    app = await startTestApp({ clock: clock.clock });
    api = new PlanApi(app);
  });

  afterAll(async () => {
    await app.close();
  });

  const eventsOf = (planId: string): StoredEvent[] =>
    app.storedEvents().filter((event) => event.stream.endsWith(planId));

  it('stores a correlation id, a causation id and the transaction time with every event', async () => {
    const { plan, actions } = await api.seedPlan();
    await api.changeRagStatus(actions['1.1'].id, 'AMBER', 'Recruitment under way');
    await api.addProgressNote(actions['1.1'].id, NOTES.caseloads, { effectiveDate: '2024-04-23' });
    await api.withdrawAction(actions['1.2'].id, 'Merged into 1.4');
    await api.approvePlan(plan.id);

    const all = app.storedEvents();
    expect(all.length).toBeGreaterThanOrEqual(13);
    for (const { metadata } of all) {
      expect(metadata).toEqual(
        expect.objectContaining({
          correlationId: expect.any(String),
          causationId: expect.stringMatching(UUID),
          recordedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
          schemaVersion: 1,
        }),
      );
      expect(metadata.correlationId).not.toBe('');
    }
    const events = eventsOf(plan.id);
    expect(events.map((event) => event.type)).toEqual([
      'PlanCreated',
      'ThemeAdded',
      'ThemeAdded',
      'ThemeAdded',
      'ActionAdded',
      'ActionAdded',
      'ActionAdded',
      'ActionAdded',
      'ActionAdded',
      'RagStatusChanged',
      'ProgressNoteAdded',
      'ActionWithdrawn',
      'PlanApproved',
    ]);
    const recordedAts = events.map((event) => String(event.metadata.recordedAt));
    expect(recordedAts).toEqual([...recordedAts].sort());
    expect(new Set(events.map((event) => event.metadata.causationId)).size).toBe(events.length);
    expect(new Set(events.map((event) => event.metadata.correlationId)).size).toBe(events.length);
  });

  it('records the effective date only for a change that gave one', async () => {
    const { plan, actions } = await api.seedPlan();
    await api.addProgressNote(actions['1.1'].id, NOTES.caseloads, { effectiveDate: '2024-04-23' });
    await api.addProgressNote(actions['1.1'].id, NOTES.workshops);
    const [withDate, withoutDate] = eventsOf(plan.id).slice(-2);
    expect(withDate?.metadata.effectiveDate).toBe('2024-04-23');
    expect(withoutDate?.metadata).not.toHaveProperty('effectiveDate');
  });

  it('takes the transaction time from the application clock', async () => {
    clock.set('2024-05-01T08:30:00.000Z');
    const plan = await api.createPlan();
    expect(plan.createdAt).toBe('2024-05-01T08:30:00.000Z');
    expect(eventsOf(plan.id)[0]?.metadata.recordedAt).toBe('2024-05-01T08:30:00.000Z');
  });

  it('keeps the correlation id a request brings in x-correlation-id', async () => {
    const headers = { 'x-correlation-id': 'board-2024-04' };
    const response = await app.graphql<{ createPlan: { id: string } }>(
      `mutation ($input: CreatePlanInput!) { createPlan(input: $input) { id } }`,
      { input: IOW_PLAN },
      headers,
    );
    const planId = dataOf(response).createPlan.id;
    const theme = await api.send('addTheme', { planId, ...THEMES.caseloads }, headers);
    expect(theme.errors).toBeUndefined();

    const events = eventsOf(planId);
    expect(events.map((event) => event.metadata.correlationId)).toEqual(['board-2024-04', 'board-2024-04']);
    expect(events[0]?.metadata.causationId).not.toBe(events[1]?.metadata.causationId);
  });

  it('replaces a correlation id that is not safe to store with a fresh one', async () => {
    const response = await api.send(
      'createPlan',
      { ...IOW_PLAN },
      { 'x-correlation-id': 'board 2024-04"; DROP TABLE events; --' },
    );
    const planId = (dataOf(response).createPlan as { id: string }).id;
    expect(eventsOf(planId)[0]?.metadata.correlationId).toMatch(UUID);
  });

  it('stores nothing, not even metadata, for a request that failed', async () => {
    const before = app.eventCount();
    const response = await api.send('createPlan', { title: '  ' }, { 'x-correlation-id': 'board-2024-05' });
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(app.eventCount()).toBe(before);
    expect(app.storedEvents().some((event) => event.metadata.correlationId === 'board-2024-05')).toBe(false);
  });
});
