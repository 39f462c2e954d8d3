import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { planStream } from '../src/plans/plan-stream.js';
import { PlanApi } from './support/plan-api.js';
import { waitUntil, type TestApp } from './support/test-app.js';
import { KurrentDbDouble } from './support/kurrentdb-double/kurrentdb-double.js';
import { startKurrentDbApp } from './support/kurrentdb-double/kurrentdb-test-app.js';

const RECORD_BOARD_MEETING = `mutation ($input: RecordBoardMeetingInput!) {
  recordBoardMeeting(input: $input) { id }
}`;

/** The adapter's retry budget before issue 18: 5 attempts, about 1.5 s. */
const OLD_BUDGET_MS = 1500;

// One app for the file; the test that makes the store go backwards stops its read models, so it is last.
describe('the API on KurrentDB when the store fails', () => {
  let double: KurrentDbDouble;
  let app: TestApp;
  let api: PlanApi;

  beforeAll(async () => {
    double = await KurrentDbDouble.start();
    app = await startKurrentDbApp(double, undefined, { retryBudgetMs: 4000 });
    api = new PlanApi(app);
  });

  afterAll(async () => {
    await app.close();
    await double.close();
  });

  /** One action on a new plan: the smallest thing notes can be added to. */
  const newAction = async () => {
    const plan = await api.createPlan();
    return api.addAction(plan.id, (await api.addTheme(plan.id)).id);
  };

  const ready = async () => {
    const response = await fetch(`${app.url}/health/ready`);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('rides out a restart longer than the old retry budget: the change is stored once and answered', async () => {
    const { id: actionId } = await newAction();
    const before = app.eventCount();
    double.failNextAppend('after-commit');
    const answer = api.send('addProgressNote', { actionId, text: 'Sent during a failover.' });
    await waitUntil(async () => app.eventCount() > before, 5000);
    await double.stop();
    await sleep(OLD_BUDGET_MS + 300);
    await double.resume();
    expect((await answer).errors).toBeUndefined();
    const notes = (await api.action(actionId))?.progressNotes.map((note) => note.text);
    expect(notes).toEqual(['Sent during a failover.']);
    expect(app.eventCount()).toBe(before + 1);
  });

  it('records every one of 30 concurrent notes on one action through two instances, none refused as a conflict', async () => {
    const action = await newAction();
    // A second instance on the same store: its writers race this one's, and lose, and decide again.
    const other = await startKurrentDbApp(double, undefined, { retryBudgetMs: 4000 });
    try {
      const otherApi = new PlanApi(other);
      await waitUntil(async () => (await otherApi.action(action.id)) !== undefined, 5000);
      const texts = Array.from({ length: 30 }, (_, index) => `Note ${index + 1}.`);
      const answers = await Promise.all(
        texts.map((text, index) =>
          (index % 2 === 0 ? api : otherApi).send('addProgressNote', { actionId: action.id, text }),
        ),
      );
      expect(answers.flatMap((answer) => answer.errors ?? [])).toEqual([]);
      // This instance reads the other's notes once it has folded them.
      const notesHere = async () => (await api.action(action.id))?.progressNotes.map((note) => note.text);
      await waitUntil(async () => (await notesHere())?.length === texts.length, 5000);
      const notes = await notesHere();
      expect([...(notes ?? [])].sort()).toEqual([...texts].sort());
    } finally {
      await other.close();
    }
  });

  it('answers at once, without internals, when KurrentDB refuses access', async () => {
    const plan = await api.createPlan();
    double.denyAccess();
    const started = Date.now();
    const input = { planId: plan.id, heldOn: '2024-04-26', title: 'Refused' };
    const refused = await app
      .graphql(RECORD_BOARD_MEETING, { input })
      .finally(() => double.denyAccess(false));
    expect(Date.now() - started).toBeLessThan(1000);
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(refused.body).not.toMatch(/KurrentDB|access|\$all/i);
  });

  it('passes over a tombstone and an event that is not JSON, and says so on /health/ready', async () => {
    const deleted = await api.createPlan();
    double.log.writeSystemRecord(planStream(deleted.id), '$streamDeleted', {}, Number.MAX_SAFE_INTEGER);
    double.log.append(planStream(randomUUID()), 'no_stream', [
      {
        id: randomUUID(),
        type: 'PlanCreated',
        contentType: 'application/json',
        data: Buffer.from('{"title": "cut short'),
        customMetadata: Buffer.from('{}'),
      },
    ]);
    const after = await api.createPlan();
    expect(after.id).toEqual(expect.any(String));
    const health = await ready();
    expect(health).toMatchObject({
      status: 200,
      body: { status: 'ready', skipped: { count: 2, byReason: { tombstone: 1, unreadable: 1 } } },
    });
  });

  it('refuses a store whose positions went backwards (a restored backup), loudly', async () => {
    await api.createPlan();
    double.log.restoreBackup(double.log.events.length - 3);
    await double.restart();
    await waitUntil(async () => (await ready()).status === 200, 5000);
    await api.createPlan().catch(() => undefined);
    await waitUntil(async () => (await ready()).status === 503, 5000);
    expect((await ready()).body).toMatchObject({
      status: 'not ready',
      stopped: "the event store's positions went backwards",
    });
  });
});
