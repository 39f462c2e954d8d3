import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { expectQueryError, HistoryApi, ManualClock } from './support/history-api.js';
import { recordAuditStory, recordBoardStory } from './support/history-stories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('history: the less travelled paths', () => {
  const clock = new ManualClock('2024-03-01T09:00:00.000Z');
  let app: TestApp;
  let api: HistoryApi;

  beforeAll(async () => {
    app = await startTestApp({ clock: clock.clock });
    api = new HistoryApi(app);
  });

  afterAll(async () => {
    await app.close();
  });

  it('counts an action added AMBER among the changes to AMBER, but not among changes from RED', async () => {
    const { planId } = await recordAuditStory(api, clock);
    const toAmber = await api.allChanges(planId, { ragTo: 'AMBER' });
    const described = toAmber.map((change) => `${change.kind} ${change.actionRef}`);
    expect(described).toContain('ACTION_ADDED 1.1');
    expect(described).not.toContain('ACTION_ADDED 2.1');
    const fromRed = await api.allChanges(planId, { ragFrom: 'RED' });
    expect(fromRed.map((change) => `${change.kind} ${change.actionRef}`)).toEqual(['RAG_CHANGED 2.1']);
  });

  it('refuses a cursor from another plan’s history and a period that ends before it starts', async () => {
    const { planId } = await recordAuditStory(api, clock);
    const other = await recordAuditStory(api, clock);
    const page = await api.planHistory(other.planId, { first: 1 });
    const foreign = await api.planHistoryResponse(planId, { first: 1, after: page.pageInfo.endCursor! });
    expectQueryError(foreign, { code: 'BAD_USER_INPUT', field: 'after' });
    const backwards = await api.planHistoryResponse(planId, {
      filter: { from: '2024-03-05T00:00:00Z', to: '2024-03-01T00:00:00Z' },
    });
    expectQueryError(backwards, { code: 'BAD_USER_INPUT', field: 'filter.to' });
  });

  it('compares two board meetings without a date typed', async () => {
    const { planId, meetings } = await recordBoardStory(api, clock);
    const byMeetings = await api.planChanges(planId, {
      sinceBoardMeeting: meetings.april.id,
      untilBoardMeeting: meetings.may.id,
    });
    const byInstants = await api.planChanges(planId, {
      sinceBoardMeeting: meetings.april.id,
      until: '2024-05-14T22:59:59.999Z',
    });
    expect(byMeetings.until).toBe('2024-05-14T22:59:59.999Z');
    expect(byMeetings).toEqual(byInstants);
  });

  it('says where subscriptions are served when one is sent over HTTP', async () => {
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await app.adminHeaders()) },
      body: JSON.stringify({ query: 'subscription { planChanged(planId: "x") { kind } }' }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe('BAD_REQUEST');
    expect(body.errors[0]?.message).toMatch(/WebSocket/);
  });

  it('records the signed-in name as the token gives it, punctuation and accents included', async () => {
    const { planId } = await recordAuditStory(api, clock);
    const plan = await app.graphql<{ plan: { actions: { id: string }[] } }>(
      'query ($id: ID!) { plan(id: $id) { actions { id } } }',
      { id: planId },
    );
    const actionId = plan.data!.plan.actions[0]!.id;
    await app.graphql(
      'mutation ($id: ID!) { addProgressNote(input: { actionId: $id, text: "Audit done." }) { id } }',
      { id: actionId },
      {
        authorization: `Bearer ${await app.tokenFor({ name: 'Zoë Brontë (Service Manager / Ops, interim)' })}`,
      },
    );
    const history = await api.actionHistory(actionId);
    expect(history.at(-1)?.actor).toBe('Zoë Brontë (Service Manager / Ops, interim)');
  });
});
