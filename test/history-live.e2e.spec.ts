import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  CHANGE_FIELDS,
  HistoryApi,
  ManualClock,
  MINUTE,
  type PlanChangeView,
} from './support/history-api.js';
import { actorNames } from './support/actor-names.js';
import { LiveClient, type Subscription } from './support/live-client.js';
import { ACTIONS, NOTES, THEMES, type ActionView } from './support/plan-api.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const PLAN_CHANGED = `subscription ($planId: ID!) { planChanged(planId: $planId) { ${CHANGE_FIELDS} } }`;
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

type PlanChanged = { planChanged: PlanChangeView };

describe('live changes: a graphql-ws subscription to a plan', () => {
  const clock = new ManualClock('2024-06-03T08:00:00.000Z');
  let app: TestApp;
  let api: HistoryApi;
  let live: LiveClient;
  let planId: string;
  let otherPlanId: string;
  let action: ActionView;

  beforeAll(async () => {
    app = await startTestApp({ clock: clock.clock });
    api = new HistoryApi(app);
    planId = (await api.plans.createPlan()).id;
    const theme = await api.plans.addTheme(planId, THEMES.caseloads);
    action = await api.plans.addAction(planId, theme.id, ACTIONS['1.1']);
    otherPlanId = (await api.plans.createPlan({ title: 'Another council’s plan' })).id;
    live = await LiveClient.signedIn(app);
    await live.connected;
  });

  afterAll(async () => {
    await live.dispose();
    await app.close();
  });

  /**
   * Subscribes, then waits for the server to answer a second subscription sent after it on the
   * same socket: by then the server has received the first, and registering it involves no I/O,
   * so it is listening before any later request is handled.
   */
  async function subscribed(id: string): Promise<Subscription<PlanChanged>> {
    const subscription = live.subscribe<PlanChanged>(PLAN_CHANGED, { planId: id });
    const probe = live.subscribe<PlanChanged>(PLAN_CHANGED, { planId: UNKNOWN_ID });
    await probe.next();
    await probe.completed;
    return subscription;
  }

  const received = async (subscription: Subscription<PlanChanged>, count: number) => {
    const changes: PlanChangeView[] = [];
    for (let index = 0; index < count; index += 1) {
      const result = await subscription.next();
      expect(result.errors).toBeUndefined();
      changes.push(actorNames(result.data!.planChanged));
    }
    return changes;
  };

  it('gives NOT_FOUND for a plan that does not exist, and ends the subscription', async () => {
    const subscription = live.subscribe<PlanChanged>(PLAN_CHANGED, { planId: UNKNOWN_ID });
    const result = await subscription.next();
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.map((error) => [error.extensions?.code, error.extensions?.field])).toEqual([
      ['NOT_FOUND', 'planId'],
    ]);
    await subscription.completed;
  });

  it('pushes, in order, each change another client makes to the plan, and nothing of other plans', async () => {
    const subscription = await subscribed(planId);
    const as = { actor: 'Sam Patel', correlationId: 'live-test-1' };

    clock.advance(MINUTE);
    await api.change(
      'changeRagStatus',
      { actionId: action.id, rag: 'AMBER', reason: 'Recruitment under way' },
      as,
    );
    await api.plans.createPlan({ title: 'Recorded elsewhere meanwhile' });
    await api.plans.approvePlan(otherPlanId);
    clock.advance(MINUTE);
    await api.change('addProgressNote', { actionId: action.id, text: NOTES.caseloads }, as);
    await api.change('assignActionOwners', { actionId: action.id, owners: ['Lead IRO'] }, as);
    clock.advance(MINUTE);
    await api.recordBoardMeeting(planId, '2024-06-03', 'June improvement board');
    await api.plans.approvePlan(planId);

    const changes = await received(subscription, 5);
    expect(
      changes.map(({ kind, actionRef, to, version, actor }) => ({ kind, actionRef, to, version, actor })),
    ).toEqual([
      { kind: 'RAG_CHANGED', actionRef: '1.1', to: 'AMBER', version: 4, actor: 'Sam Patel' },
      { kind: 'PROGRESS_NOTE_ADDED', actionRef: '1.1', to: NOTES.caseloads, version: 5, actor: 'Sam Patel' },
      { kind: 'OWNERS_ASSIGNED', actionRef: '1.1', to: 'Lead IRO', version: 6, actor: 'Sam Patel' },
      {
        kind: 'BOARD_MEETING_RECORDED',
        actionRef: null,
        to: 'June improvement board (2024-06-03)',
        version: 7,
        actor: 'Test Admin',
      },
      { kind: 'PLAN_APPROVED', actionRef: null, to: 'APPROVED', version: 8, actor: 'Test Admin' },
    ]);
    expect(changes[0]).toMatchObject({
      planId,
      from: 'NOT_RATED',
      reason: 'Recruitment under way',
      correlationId: 'live-test-1',
      recordedAt: '2024-06-03T08:01:00.000Z',
    });
    // What was pushed is what the history answers afterwards.
    expect(changes).toEqual((await api.allChanges(planId)).slice(3));
    subscription.unsubscribe();
  });

  it('keeps separate subscribers to the same plan each receiving every change', async () => {
    const [first, second] = [await subscribed(planId), await subscribed(planId)];
    const version = (await api.plans.plan(planId))!.version;
    clock.advance(MINUTE);
    await api.change('changeRagStatus', {
      actionId: action.id,
      rag: 'RED',
      reason: 'Two social workers left',
    });
    const [fromFirst] = await received(first, 1);
    const [fromSecond] = await received(second, 1);
    expect(fromFirst).toEqual(fromSecond);
    expect(fromFirst).toMatchObject({ kind: 'RAG_CHANGED', to: 'RED', version: version + 1 });
    first.unsubscribe();
    second.unsubscribe();
  });
});
