import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  CHANGE_FIELDS,
  ManualClock,
  MINUTE,
  PLAN_AT_QUERY,
  QUERIES,
  type PlanChangeView,
} from '../support/history-api.js';
import { LiveClient } from '../support/live-client.js';
import { dataOf, FULL_PLAN_QUERY, PlanApi, type ActionView } from '../support/plan-api.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const PLANS = `{ plans { id title localAuthority status createdAt version ragSummary { total red } } }`;
const SEARCH = `query ($planId: ID!, $text: String!) { searchPlan(planId: $planId, text: $text) {
  totalCount hits { kind text eventId recordedAt } } }`;
const PLAN_CHANGED = `subscription ($planId: ID!) { planChanged(planId: $planId) { ${CHANGE_FIELDS} } }`;

interface Scripted {
  readonly planId: string;
  readonly actions: readonly ActionView[];
  /** An instant in the middle of the plan's history. */
  readonly midway: string;
}

/**
 * A plan cache that holds one plan (each question about another plan evicts it) must answer exactly
 * as one that holds every plan: the cache is an optimisation, never a second source of truth.
 */
describe('plans loaded on demand into a bounded cache', () => {
  const clock = new ManualClock('2024-05-01T08:00:00.000Z');
  let everyPlan: TestApp;
  let onePlan: TestApp;
  const scripted: Scripted[] = [];

  beforeAll(async () => {
    everyPlan = await startTestApp({ clock: clock.clock });
    const api = new PlanApi(everyPlan);
    for (const title of ['Isle of Wight', 'Torbay', 'Cumbria']) {
      const { plan, actions } = await api.seedPlan({ title: `${title} improvement plan` });
      const [first, second] = [actions['1.1'], actions['2.1']];
      clock.advance(30 * MINUTE);
      await api.changeRagStatus(first.id, 'RED', 'Caseloads above 25 in two teams');
      const midway = clock.now();
      clock.advance(30 * MINUTE);
      await api.addProgressNote(second.id, `${title}: supervision audit completed.`);
      await api.changeRagStatus(second.id, 'AMBER', 'Audit complete, actions open');
      scripted.push({ planId: plan.id, actions: [first, second], midway });
    }
    // The smallest cache there is: one event, so only the plan asked about last stays.
    onePlan = await startTestApp({ dataDir: everyPlan.dataDir, clock: clock.clock, planCacheEvents: 1 });
  });

  afterAll(async () => {
    await onePlan?.close();
    await everyPlan?.close();
  });

  /** Every read the API offers of each plan, asked of plans in turn so the small cache keeps evicting. */
  async function answers(app: TestApp): Promise<unknown[]> {
    const asked: unknown[] = [dataOf(await app.graphql(PLANS))];
    const ask = async (query: string, variables: Record<string, unknown>) =>
      asked.push(dataOf(await app.graphql(query, variables)));
    for (const { planId, actions, midway } of scripted) {
      await ask(FULL_PLAN_QUERY, { id: planId });
      await ask(PLAN_AT_QUERY, { id: planId, asOf: midway });
      await ask(PLAN_AT_QUERY, { id: planId, asOfVersion: 3 });
      await ask(QUERIES.planHistory, { planId, first: 50 });
      await ask(QUERIES.planChanges, { planId, since: midway, until: clock.now() });
      await ask(QUERIES.ragTrend, { planId, from: midway, to: clock.now(), interval: 'DAY' });
      await ask(SEARCH, { planId, text: 'supervision audit' });
      for (const action of actions) {
        await ask(QUERIES.actionHistory, { actionId: action.id });
        await ask(QUERIES.actionAt, { id: action.id, asOf: midway });
      }
    }
    return asked;
  }

  it('answers every question exactly as with every plan in memory', async () => {
    expect(await answers(onePlan)).toEqual(await answers(everyPlan));
  });

  it('answers the same after a restart', async () => {
    const before = await answers(everyPlan);
    await onePlan.restart();
    expect(await answers(onePlan)).toEqual(before);
  });

  it('keeps a watched plan current while other plans come and go, whichever instance writes', async () => {
    const [watched, other] = scripted;
    const live = await LiveClient.signedIn(onePlan);
    try {
      const subscription = live.subscribe<{ planChanged: PlanChangeView }>(PLAN_CHANGED, {
        planId: watched!.planId,
      });
      // Other plans asked about and changed: each evicts whatever is not watched.
      await answers(onePlan);
      const notes = ['Recorded here.', 'Recorded through the other instance.', 'Recorded here again.'];
      await new PlanApi(onePlan).addProgressNote(other!.actions[0]!.id, 'Churn in another plan.');
      await new PlanApi(onePlan).addProgressNote(watched!.actions[0]!.id, notes[0]!);
      await new PlanApi(everyPlan).addProgressNote(watched!.actions[0]!.id, notes[1]!);
      await answers(onePlan);
      await new PlanApi(onePlan).addProgressNote(watched!.actions[0]!.id, notes[2]!);
      const received: string[] = [];
      for (const _ of notes) {
        const { data } = await subscription.next();
        received.push(`${data!.planChanged.kind}: ${data!.planChanged.to}`);
      }
      expect(received).toEqual(notes.map((note) => `PROGRESS_NOTE_ADDED: ${note}`));
      subscription.unsubscribe();
    } finally {
      await live.dispose();
    }
  });
});
