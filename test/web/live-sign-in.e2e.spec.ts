import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { FORBIDDEN_ORIGIN_CLOSE } from '../../src/graphql/live-limits.js';
import { UNAUTHENTICATED_CLOSE } from '../../src/graphql/web-socket-sign-in.js';
import { ACTIONS, PlanApi, THEMES } from '../support/plan-api.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { PageSocket } from './support/plan-live-socket.js';
import { WebClient } from './support/web-client.js';

const PLAN_CHANGED = `subscription ($planId: ID!) {
  planChanged(planId: $planId) { kind actionRef from to actor { name } }
}`;
const UNKNOWN_PLAN = '00000000-0000-4000-8000-000000000000';

type PlanChanged = { planChanged: { kind: string; actionRef: string; from: string; to: string } };

describe('live updates for the pages: a WebSocket signed in by the session cookie', () => {
  let app: TestApp;
  let api: PlanApi;
  let page: WebClient;
  let planId: string;
  let actionId: string;
  const sockets: PageSocket[] = [];

  const open = (headers: Record<string, string>, params?: Record<string, unknown>) => {
    const socket = new PageSocket(app.url, headers, params);
    sockets.push(socket);
    return socket;
  };
  const cookie = () => page.sessionCookie!;

  beforeAll(async () => {
    app = await startTestApp();
    api = new PlanApi(app);
    planId = (await api.createPlan()).id;
    const theme = await api.addTheme(planId, THEMES.caseloads);
    actionId = (await api.addAction(planId, theme.id, ACTIONS['1.1'])).id;
    page = await WebClient.signedIn(app, { name: 'Vic Viewer', roles: ['VIEWER'] });
    expect(page.sessionCookie).toMatch(/^plan_tracker_session=/);
  });

  afterEach(async () => {
    await Promise.all(sockets.splice(0).map((socket) => socket.dispose()));
  });

  afterAll(async () => {
    await app.close();
  });

  it('receives planChanged on a connection from the page’s own origin with only the cookie', async () => {
    const socket = open({ cookie: cookie(), origin: app.url });
    await socket.connected;
    const changes = socket.subscribe<PlanChanged>(PLAN_CHANGED, { planId });
    // Answered after the first subscription was registered: the server has it before the change.
    await socket.subscribe<PlanChanged>(PLAN_CHANGED, { planId: UNKNOWN_PLAN }).next();

    await api.changeRagStatus(actionId, 'RED', 'Caseloads rose again');

    const pushed = await changes.next();
    expect(pushed.errors).toBeUndefined();
    expect(pushed.data?.planChanged).toMatchObject({ kind: 'RAG_CHANGED', actionRef: '1.1', to: 'RED' });
  });

  it.each([
    ['another site', 'http://evil.example'],
    ['another port of this host', 'http://127.0.0.1:1'],
  ])(
    'closes with 4403 a connection with the cookie from %s: a foreign page is refused',
    async (_from, origin) => {
      const socket = open({ cookie: cookie(), origin });
      expect((await socket.closed).code).toBe(FORBIDDEN_ORIGIN_CLOSE);
    },
  );

  it('closes with 4401 a connection with only the cookie from no Origin at all', async () => {
    const socket = open({ cookie: cookie() });
    expect((await socket.closed).code).toBe(UNAUTHENTICATED_CLOSE);
  });

  it('closes with 4401 a connection from our own origin with neither a token nor a cookie, as before', async () => {
    const socket = open({ origin: app.url });
    expect((await socket.closed).code).toBe(UNAUTHENTICATED_CLOSE);
  });

  it('closes with 4401 a connection whose cookie is not a session of ours', async () => {
    const socket = open({ cookie: 'plan_tracker_session=forged.value.that.is.not.sealed', origin: app.url });
    expect((await socket.closed).code).toBe(UNAUTHENTICATED_CLOSE);
  });

  it('signs in by the token in connection_init from a client that sends no Origin, cookie or not', async () => {
    const { authorization } = await app.adminHeaders();
    const socket = open({ cookie: cookie() }, { authorization });
    await socket.connected;
    const errors = (await socket.subscribe(PLAN_CHANGED, { planId: UNKNOWN_PLAN }).next()).errors;
    expect(errors?.map((error) => error.extensions?.code)).toEqual(['NOT_FOUND']);
  });

  it('refuses even a good token from a foreign site’s page (not in CORS_ORIGINS)', async () => {
    const { authorization } = await app.adminHeaders();
    const socket = open({ origin: 'http://evil.example' }, { authorization });
    expect((await socket.closed).code).toBe(FORBIDDEN_ORIGIN_CLOSE);
  });

  it('refuses a bad token in connection_init even with a good cookie: the cookie never overrides it', async () => {
    const socket = open({ cookie: cookie(), origin: app.url }, { authorization: 'Bearer not-a-token' });
    expect((await socket.closed).code).toBe(UNAUTHENTICATED_CLOSE);
  });
});
