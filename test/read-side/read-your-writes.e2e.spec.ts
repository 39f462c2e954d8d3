import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ACTIONS, MUTATIONS, PlanApi, THEMES } from '../support/plan-api.js';
import { startTestApp, TestClock, type TestApp } from '../support/test-app.js';

interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: {
    data?: Record<string, { id: string; version?: number } | null> | null;
    errors?: { message: string; extensions: Record<string, unknown> }[];
    extensions?: { recordedPosition?: string };
  };
}

async function post(app: TestApp, query: string, variables: object, headers: Record<string, string> = {}) {
  const response = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(await app.adminHeaders()), ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, headers: response.headers, body: await response.json() } as Answer;
}

const PLAN = 'query ($id: ID!) { plan(id: $id) { id version } }';
const READ_AFTER = 'x-read-after-position';

// Two instances on one store, as behind a load balancer: each learns of the other's writes from the store.
describe('read-your-writes across instances', () => {
  const clock = new TestClock();
  let first: TestApp;
  let second: TestApp;

  beforeAll(async () => {
    first = await startTestApp({ clock: clock.clock });
    second = await startTestApp({ dataDir: first.dataDir, clock: clock.clock });
  });

  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  it("gives every change's store position, and any instance sent it back answers with the change", async () => {
    for (let round = 0; round < 5; round += 1) {
      const created = await post(first, MUTATIONS.createPlan, { input: { title: `Plan ${round}` } });
      const position = created.body.extensions?.recordedPosition;
      expect(position).toMatch(/^\d+$/);
      expect(created.headers.get('x-recorded-position')).toBe(position);
      const plan = created.body.data!.createPlan!;
      const read = await post(second, PLAN, { id: plan.id }, { [READ_AFTER]: position! });
      expect(read.body.data).toEqual({ plan: { id: plan.id, version: plan.version } });
    }
  });

  it('changes an action created a moment ago through another instance, without NOT_FOUND', async () => {
    const api = new PlanApi(first);
    const plan = await api.createPlan();
    const theme = await api.addTheme(plan.id, THEMES.caseloads);
    for (let round = 0; round < 5; round += 1) {
      const action = await api.addAction(plan.id, theme.id, { ...ACTIONS['1.1'], ref: `1.${round + 1}` });
      const changed = await post(second, MUTATIONS.addProgressNote, {
        input: { actionId: action.id, text: 'Changed through the other instance at once.' },
      });
      expect(changed.body.errors).toBeUndefined();
      expect(changed.body.data!.addProgressNote!.id).toBe(action.id);
    }
  });

  it('refuses a position that is not one, naming the header', async () => {
    const refused = await post(second, PLAN, { id: 'any' }, { [READ_AFTER]: 'yesterday' });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([
      expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: READ_AFTER } }),
    ]);
  });
});
