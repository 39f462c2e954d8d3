import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import { SignJWT } from 'jose';
import { signingKeyFileIn } from '../../src/auth/tokens/auth-config.js';
import { localSigningKey } from '../../src/auth/tokens/local-signing-key.js';
import { LiveClient } from '../support/live-client.js';
import { ACTIONS, PlanApi, THEMES } from '../support/plan-api.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const ADD_NOTE = `mutation ($input: AddProgressNoteInput!) {
  addProgressNote(input: $input) { progressNotes { text actor { id name roles via } } }
}`;

describe('sign-in: every request carries a token, and the trail records who', () => {
  let app: TestApp;
  let api: PlanApi;
  let actionId: string;
  let planId: string;

  beforeAll(async () => {
    app = await startTestApp();
    api = new PlanApi(app);
    planId = (await api.createPlan()).id;
    const theme = await api.addTheme(planId, THEMES.caseloads);
    actionId = (await api.addAction(planId, theme.id, { ...ACTIONS['1.1'], owners: ['Team Managers'] })).id;
  });

  afterAll(() => app.close());

  const note = (authorization: string, headers: Record<string, string> = {}) =>
    app.graphql(ADD_NOTE, { input: { actionId, text: 'Caseloads audited.' } }, { authorization, ...headers });

  /** A token signed with the app's own key, with claims the verifier must refuse. */
  async function forged(
    claims: Record<string, unknown>,
    header: Record<string, unknown> = {},
  ): Promise<string> {
    const key = await localSigningKey(signingKeyFileIn(app.dataDir));
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({
      name: 'Mallory',
      roles: ['ADMIN'],
      sub: 'local:mallory',
      iss: 'improvement-plan-tracker',
      aud: 'improvement-plan-tracker',
      iat: now,
      exp: now + 600,
      ...claims,
    })
      .setProtectedHeader({ alg: 'ES256', kid: key.kid, ...header })
      .sign(key.privateKey);
  }

  const unsigned = () => {
    const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const exp = Math.floor(Date.now() / 1000) + 600;
    return `${part({ alg: 'none' })}.${part({ sub: 'x', name: 'X', roles: ['ADMIN'], exp, iss: 'improvement-plan-tracker', aud: 'improvement-plan-tracker' })}.`;
  };

  const BAD: [string, () => Promise<string>][] = [
    ['no token at all', async () => ''],
    ['a token that is not a JWT', async () => 'Bearer not-a-token'],
    ['another scheme', async () => `Basic ${Buffer.from('admin:admin').toString('base64')}`],
    [
      'an expired token',
      async () => `Bearer ${await app.tokenFor({ issuedAt: new Date(Date.now() - 2 * 86_400_000) })}`,
    ],
    ['alg: none', async () => `Bearer ${unsigned()}`],
    ['a role that does not exist', async () => `Bearer ${await forged({ roles: ['SUPERUSER'] })}`],
    ['a wrong audience', async () => `Bearer ${await forged({ aud: 'another-app' })}`],
    ['an unknown key id', async () => `Bearer ${await forged({}, { kid: 'not-our-key' })}`],
  ];

  it.each(BAD)(
    'refuses %s with UNAUTHENTICATED, says nothing more and records nothing',
    async (_case, make) => {
      const before = app.eventCount();
      const response = await note(await make());
      expect(response.errors?.map((error) => error.extensions?.code)).toEqual(['UNAUTHENTICATED']);
      expect(response.errors?.[0]?.message).toBe('Sign in: send a valid bearer token');
      expect(response.data ?? null).toBeNull();
      expect(app.eventCount()).toBe(before);
    },
  );

  it('answers 401 on the REST routes without a valid token', async () => {
    for (const path of [`/plans/${planId}/export.csv`, `/plans/${planId}/board-pack`]) {
      const response = await fetch(`${app.url}${path}`, { headers: { authorization: 'Bearer nonsense' } });
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    }
  });

  it('records the signed-in user on the event: id, name, roles and channel; x-actor is ignored', async () => {
    const token = await app.tokenFor({ name: 'Jo Smith', roles: ['EDITOR'] });
    const response = await note(`Bearer ${token}`, { 'x-actor': 'Somebody Else' });
    expect(response.errors).toBeUndefined();
    const jo = { id: 'local:jo-smith', name: 'Jo Smith', roles: ['EDITOR'], via: 'api' };
    const notes = (response.data as { addProgressNote: { progressNotes: { actor: unknown }[] } })
      .addProgressNote.progressNotes;
    expect(notes.at(-1)?.actor).toEqual(jo);
    expect(app.storedEvents().at(-1)?.metadata.actor).toEqual(jo);
    const download = await fetch(`${app.url}/plans/${planId}/history.csv`, {
      headers: await app.adminHeaders(),
    });
    const rows = parse(await download.text(), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.at(-1)).toMatchObject({
      Who: 'Jo Smith',
      'Who (id)': 'local:jo-smith',
      Roles: 'EDITOR',
      Via: 'api',
      Change: 'PROGRESS_NOTE_ADDED',
      To: 'Caseloads audited.',
    });
  });

  it('lets an EDITOR who owns some roles change only the actions those roles own', async () => {
    const iro = `Bearer ${await app.tokenFor({ name: 'Lead IRO', roles: ['EDITOR'], owns: ['Lead IRO'] })}`;
    const before = app.eventCount();
    const refused = await note(iro);
    expect(refused.errors?.map((error) => [error.extensions?.code, error.extensions?.field])).toEqual([
      ['FORBIDDEN', 'actionId'],
    ]);
    expect(app.eventCount()).toBe(before);
    const managers = `Bearer ${await app.tokenFor({ name: 'Team Manager', roles: ['EDITOR'], owns: ['team managers'] })}`;
    expect((await note(managers)).errors).toBeUndefined();
  });
});

describe('one installation, several councils: a user of one local authority', () => {
  let app: TestApp;
  let api: PlanApi;
  let ours: string;
  let theirs: string;
  let theirAction: string;
  let iow: string;

  beforeAll(async () => {
    app = await startTestApp();
    api = new PlanApi(app);
    ours = (await api.createPlan({ localAuthority: 'Isle of Wight Council' })).id;
    theirs = (await api.createPlan({ localAuthority: 'Hampshire County Council', title: 'Hampshire plan' }))
      .id;
    const theme = await api.addTheme(theirs, THEMES.caseloads);
    theirAction = (await api.addAction(theirs, theme.id, ACTIONS['1.1'])).id;
    iow = `Bearer ${await app.tokenFor({ name: 'IoW Admin', roles: ['ADMIN'], localAuthority: 'Isle of Wight Council' })}`;
  });

  afterAll(() => app.close());

  it('sees only that authority’s plans', async () => {
    const response = await app.graphql<{ plans: { id: string }[] }>(
      '{ plans { id } }',
      {},
      { authorization: iow },
    );
    expect(response.data?.plans.map((plan) => plan.id)).toEqual([ours]);
  });

  it('is told another authority’s plan and action do not exist, and changes nothing', async () => {
    const plan = await app.graphql(
      'query ($id: ID!) { plan(id: $id) { id } }',
      { id: theirs },
      { authorization: iow },
    );
    expect(plan.errors?.map((error) => [error.extensions?.code, error.extensions?.field])).toEqual([
      ['NOT_FOUND', 'id'],
    ]);
    const before = app.eventCount();
    const change = await app.graphql(
      'mutation ($input: ChangeRagStatusInput!) { changeRagStatus(input: $input) { id } }',
      { input: { actionId: theirAction, rag: 'RED', reason: 'Looks late' } },
      { authorization: iow },
    );
    expect(change.errors?.map((error) => error.extensions?.code)).toEqual(['NOT_FOUND']);
    expect(app.eventCount()).toBe(before);
    const pack = await fetch(`${app.url}/plans/${theirs}/board-pack`, { headers: { authorization: iow } });
    expect(pack.status).toBe(404);
  });

  it('creates plans for that authority only', async () => {
    const created = await app.graphql<{ createPlan: { localAuthority: string } }>(
      'mutation { createPlan(input: { title: "IoW 2025 plan" }) { localAuthority } }',
      {},
      { authorization: iow },
    );
    expect(created.data?.createPlan.localAuthority).toBe('Isle of Wight Council');
    const refused = await app.graphql(
      'mutation { createPlan(input: { title: "Not ours", localAuthority: "Hampshire County Council" }) { id } }',
      {},
      { authorization: iow },
    );
    expect(refused.errors?.map((error) => [error.extensions?.code, error.extensions?.field])).toEqual([
      ['FORBIDDEN', 'localAuthority'],
    ]);
  });

  it('cannot subscribe to another authority’s plan', async () => {
    const live = new LiveClient(app.url, iow);
    try {
      const result = await live
        .subscribe('subscription ($id: ID!) { planChanged(planId: $id) { kind } }', { id: theirs })
        .next();
      expect(result.errors?.map((error) => error.extensions?.code)).toEqual(['NOT_FOUND']);
    } finally {
      await live.dispose();
    }
  });
});

describe('sign-in on a live connection', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(() => app.close());

  it('closes a connection that sends no token, with 4401', async () => {
    const live = new LiveClient(app.url);
    expect((await live.closed).code).toBe(4401);
    await live.dispose();
  });

  it('closes the connection when the token expires', async () => {
    // Made (as far as its claims say) a day ago less two seconds: it expires two seconds from now.
    const issuedAt = new Date(Date.now() - 86_400_000 + 2_000);
    const live = new LiveClient(app.url, `Bearer ${await app.tokenFor({ roles: ['VIEWER'], issuedAt })}`);
    await live.connected;
    const closed = await live.closed;
    expect(closed).toEqual({ code: 4401, reason: 'Sign-in expired' });
    await live.dispose();
  });
});
