import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { PlanApi } from '../support/plan-api.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { WebClient } from './support/web-client.js';

describe('web sessions: signing in, CSRF and cookies', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(() => app.close());

  it('gives a visitor an HttpOnly, SameSite=Lax session cookie, not Secure over plain HTTP', async () => {
    const response = await fetch(`${app.url}/sign-in`);
    const cookie = response.headers.getSetCookie().find((value) => value.startsWith('plan_tracker_session='));
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).not.toMatch(/; Secure/);
  });

  it('keeps the session key readable by this user only', async () => {
    const { mode } = await stat(join(app.dataDir, 'session-key'));
    expect(mode & 0o777).toBe(0o600);
  });

  it('signs in with a token and returns to the page asked for', async () => {
    const client = new WebClient(app.url);
    await client.get('/sign-in');
    const answer = await client.postForm('/sign-in', { token: await app.tokenFor(), returnTo: '/plans' });
    expect(answer).toMatchObject({ status: 303, location: '/plans' });
    expect((await client.get('/plans')).status).toBe(200);
  });

  it.each(['https://evil.example/', '//evil.example/', '/\\evil.example', 'javascript:alert(1)'])(
    'never returns to %s after sign-in (no open redirect)',
    async (returnTo) => {
      const client = new WebClient(app.url);
      await client.get('/sign-in');
      const answer = await client.postForm('/sign-in', { token: await app.tokenFor(), returnTo });
      expect(answer).toMatchObject({ status: 303, location: '/' });
    },
  );

  it('refuses a sign-in form without the CSRF token of the visitor’s session', async () => {
    const client = new WebClient(app.url);
    await client.get('/sign-in');
    const answer = await client.postForm('/sign-in', { token: await app.tokenFor(), _csrf: 'forged' });
    expect(answer.status).toBe(403);
    expect((await client.get('/plans')).status).toBe(303);
  });

  it('refuses a token that does not verify, saying so beside the field', async () => {
    const client = new WebClient(app.url);
    await client.get('/sign-in');
    const answer = await client.postForm('/sign-in', { token: 'eyJhbGciOiJub25lIn0.e30.' });
    expect(answer.status).toBe(400);
    expect(answer.html).toContain('That token is not valid');
    expect((await client.get('/plans')).status).toBe(303);
  });

  it('sends a session whose token has expired back to sign in', async () => {
    const client = new WebClient(app.url);
    await client.get('/sign-in');
    const expired = await app.tokenFor({ issuedAt: new Date(Date.now() - 3 * 86_400_000), days: 1 });
    await client.postForm('/sign-in', { token: expired });
    expect((await client.get('/plans')).location).toBe('/sign-in?returnTo=%2Fplans');
  });

  it('signs out only with the CSRF token, and then the session is gone', async () => {
    const client = await WebClient.signedIn(app);
    await client.get('/plans');
    expect((await client.postForm('/sign-out', { _csrf: 'forged' })).status).toBe(403);
    expect((await client.get('/plans')).status).toBe(200);
    expect(await client.postForm('/sign-out', {})).toMatchObject({ status: 303, location: '/sign-in' });
    expect((await client.get('/plans')).status).toBe(303);
  });

  it('ignores a session cookie that was tampered with', async () => {
    const client = await WebClient.signedIn(app);
    const cookie = client.sessionCookie!;
    const tampered = `${cookie.slice(0, -4)}${cookie.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`;
    const response = await fetch(`${app.url}/plans`, { redirect: 'manual', headers: { cookie: tampered } });
    expect(response.status).toBe(303);
  });

  it('sends pages with a strict content security policy and no caching', async () => {
    const client = await WebClient.signedIn(app);
    const { headers } = await client.get('/plans');
    expect(headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(headers.get('content-security-policy')).not.toContain('unsafe-inline');
    expect(headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('cache-control')).toBe('no-store');
  });

  it('lets a signed-in browser download the exports it links to, but never call the API with the cookie', async () => {
    const plan = await new PlanApi(app).createPlan();
    const client = await WebClient.signedIn(app, { name: 'Vic Viewer', roles: ['VIEWER'] });
    expect((await client.get(`/plans/${plan.id}/export.csv`)).status).toBe(200);
    expect((await new WebClient(app.url).get(`/plans/${plan.id}/export.csv`)).status).toBe(401);
    const api = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { cookie: client.sessionCookie!, 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ plans { id } }' }),
    });
    const body = (await api.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
  });

  it('serves GOV.UK Frontend from node_modules, but not the GOV.UK-only typeface', async () => {
    expect((await fetch(`${app.url}/assets/govuk-frontend.min.css`)).status).toBe(200);
    expect((await fetch(`${app.url}/assets/app.js`)).status).toBe(200);
    expect((await fetch(`${app.url}/assets/fonts/bold-affa96571d-v2.woff2`)).status).toBe(404);
    expect((await fetch(`${app.url}/assets/../package.json`)).status).toBe(404);
  });
});
