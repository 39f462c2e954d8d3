import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { setTimeout as sleep } from 'node:timers/promises';
import { dataOf, PlanApi } from './support/plan-api.js';
import { TestClock, waitUntil, type TestApp } from './support/test-app.js';
import { KurrentDbDouble } from './support/kurrentdb-double/kurrentdb-double.js';
import { startKurrentDbApp } from './support/kurrentdb-double/kurrentdb-test-app.js';

const keyed = (key: string) => ({ 'idempotency-key': key });

const RECORD_BOARD_MEETING = `mutation ($input: RecordBoardMeetingInput!) {
  recordBoardMeeting(input: $input) { id heldOn title }
}`;

// KurrentDB stores an append, the answer is lost, and the server stays away longer than the
// adapter's retries: the client is told it failed although it was stored.
describe('a change stored on KurrentDB whose answer was lost', () => {
  let double: KurrentDbDouble;
  let app: TestApp;
  let api: PlanApi;
  const clock = new TestClock('2024-04-25T09:00:00.000Z');

  beforeAll(async () => {
    double = await KurrentDbDouble.start();
    // A short retry budget: the server stays away longer than it without the test waiting long.
    app = await startKurrentDbApp(double, clock.clock, { retryBudgetMs: 300 });
    api = new PlanApi(app);
  });

  afterAll(async () => {
    await app.close();
    await double.close();
  });

  const meetingsOf = (planId: string) =>
    app
      .storedEvents()
      .filter((event) => event.type === 'BoardMeetingRecorded' && event.data.planId === planId);

  /**
   * The server goes away the moment the plan's next event is stored, before it answers, and stays
   * away longer than the adapter retries. Polled tightly: the adapter's first retry comes 100 ms later.
   */
  async function stopOnceStored(): Promise<void> {
    const stored = app.eventCount();
    double.failNextAppend('after-commit');
    const deadline = Date.now() + 10_000;
    while (app.eventCount() === stored && Date.now() < deadline) await sleep(2);
    await double.stop();
  }

  it('is not stored twice when the user sends it again with the same key', async () => {
    const plan = await api.createPlan();
    const input = { planId: plan.id, heldOn: '2024-04-25', title: 'April improvement board' };
    const send = () => app.graphql(RECORD_BOARD_MEETING, { input }, keyed('board-during-restart'));
    const [lost] = await Promise.all([send(), stopOnceStored()]);
    expect(lost.errors).toHaveLength(1);
    // Retryable: 503 with a hint of when, not an INTERNAL_SERVER_ERROR that hides that it was stored.
    expect(lost.status).toBe(503);
    expect(lost.errors?.[0]?.extensions).toEqual({
      code: 'UNAVAILABLE',
      retryAfterSeconds: expect.any(Number),
    });
    expect(meetingsOf(plan.id)).toHaveLength(1);

    await double.resume();
    await waitUntil(async () => (await fetch(`${app.url}/health/ready`)).status === 200, 10_000);
    const resent = dataOf(await send());
    const { heldOn, title } = input;
    expect(resent).toEqual({
      recordBoardMeeting: { id: meetingsOf(plan.id)[0]?.data.meetingId, heldOn, title },
    });
    expect(meetingsOf(plan.id)).toHaveLength(1);
  });
});
