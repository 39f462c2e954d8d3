import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { OidcSignOut } from '../../src/web/sign-in/oidc-pages.js';
import { startOidcApp, CLIENT_ID, type OidcApp } from './support/oidc-app.js';
import { setCookieLine, TestBrowser } from './support/oidc-browser.js';
import {
  atProvider,
  continueToSignIn,
  expectRefused,
  signInThroughProvider,
  withParam,
} from './support/oidc-journey.js';
import { API_AUDIENCE, FakeOidcProvider } from './support/oidc-provider.js';

const SESSION = 'plan_tracker_session';
const FLOW = 'plan_tracker_oidc';

describe("signing in to the pages through the council's provider", () => {
  let provider: FakeOidcProvider;
  let app: OidcApp;
  let browser: TestBrowser;

  beforeAll(async () => {
    provider = await FakeOidcProvider.start();
    app = await startOidcApp(provider);
  });
  afterAll(async () => {
    await app?.close();
    await provider?.stop();
  });
  beforeEach(() => {
    browser = new TestBrowser();
    provider.user = { sub: 'u-priya', name: 'Priya Shah', roles: ['VIEWER'] };
    provider.accessTokenAudience = API_AUDIENCE;
  });

  it('goes to the provider with code, PKCE (S256), state and nonce, and comes back signed in', async () => {
    const toProvider = await continueToSignIn(browser, app.url, '/plans');
    expect(toProvider.status).toBe(303);
    const asked = Object.fromEntries(new URL(toProvider.location ?? '').searchParams);
    expect(toProvider.location).toMatch(new RegExp(`^${provider.issuer}/authorize\\?`));
    expect(asked).toMatchObject({
      response_type: 'code',
      client_id: CLIENT_ID,
      redirect_uri: `${app.url}/sign-in/callback`,
      scope: 'openid profile',
      code_challenge_method: 'S256',
    });
    expect(asked.state).toMatch(/^[\w-]{20,}$/);
    expect(asked.nonce).toMatch(/^[\w-]{20,}$/);
    expect(setCookieLine(toProvider, FLOW)).toMatch(/Max-Age=600; Path=\/sign-in; HttpOnly; SameSite=Lax$/);

    const back = await atProvider(browser, toProvider);
    const signedIn = await browser.get(back.location ?? '');
    expect(signedIn.status).toBe(303);
    expect(signedIn.location).toBe('/plans');
    expect(setCookieLine(signedIn, SESSION)).toMatch(/; Path=\/; HttpOnly; SameSite=Lax$/);
    expect(setCookieLine(signedIn, FLOW)).toMatch(/Expires=Thu, 01 Jan 1970/);
    expect(browser.cookie(FLOW)).toBeUndefined();

    // The verifier that went to the token endpoint is the one the challenge was made from.
    const sent = provider.tokenRequests.at(-1);
    expect(sent?.answer).toBe('tokens');
    const verifier = sent?.form.code_verifier ?? '';
    expect(createHash('sha256').update(verifier).digest('base64url')).toBe(asked.code_challenge);

    const plans = await browser.get(`${app.url}/plans`);
    expect(plans.status).toBe(200);
    expect(plans.body).toContain('Priya Shah (VIEWER)');
  });

  it('keeps the page the person was going to, but never an address on another site', async () => {
    const kept = await signInThroughProvider(browser, app.url, '/plans?status=ACTIVE');
    expect(kept.location).toBe('/plans?status=ACTIVE');
    for (const elsewhere of ['https://evil.example/plans', '//evil.example', '/\\evil.example']) {
      const answer = await signInThroughProvider(new TestBrowser(), app.url, elsewhere);
      expect([answer.status, answer.location]).toEqual([303, '/']);
    }
  });

  it('refuses a callback whose state is not the one this browser sent, without asking for tokens', async () => {
    const back = await atProvider(browser, await continueToSignIn(browser, app.url));
    const asked = provider.tokenRequests.length;
    const answer = await browser.get(withParam(back, 'state', 'forged-state-value-0123456789'));
    expectRefused(answer, 400, 'this sign-in was started too long ago, or in another browser or tab');
    expect(provider.tokenRequests).toHaveLength(asked);
    expect((await browser.get(`${app.url}/plans`)).status).toBe(303);
  });

  it('refuses a callback when the sign-in cookie was tampered with', async () => {
    const back = await atProvider(browser, await continueToSignIn(browser, app.url));
    const sealed = browser.cookie(FLOW) ?? '';
    const flipped = `${sealed.slice(0, -3)}${sealed.at(-3) === 'A' ? 'B' : 'A'}${sealed.slice(-2)}`;
    browser.setCookie(FLOW, flipped, '/sign-in');
    expectRefused(await browser.get(back.location ?? ''), 400, 'Start again from this page');
  });

  it("says so when the provider refuses (access_denied), without echoing the provider's words", async () => {
    provider.refuseNext = 'access_denied';
    const back = await atProvider(browser, await continueToSignIn(browser, app.url));
    expect(back.location).toContain('error=access_denied');
    const answer = await browser.get(back.location ?? '');
    expectRefused(answer, 400, "your council's sign-in service did not sign you in");
    expect(answer.body).not.toContain('declined');
  });

  it('refuses a code taken from another browser’s sign-in: PKCE, the verifier does not match', async () => {
    const victim = await atProvider(browser, await continueToSignIn(browser, app.url));
    const attacker = new TestBrowser();
    const own = await atProvider(attacker, await continueToSignIn(attacker, app.url));
    const stolenCode = new URL(victim.location ?? '').searchParams.get('code') ?? '';
    const answer = await attacker.get(withParam(own, 'code', stolenCode));
    expectRefused(answer, 400, 'could not be checked');
    expect(provider.tokenRequests.at(-1)?.answer).toBe('invalid_grant');
  });

  it('refuses an access token the API would refuse (made for another audience)', async () => {
    provider.accessTokenAudience = 'api://another-service';
    const answer = await signInThroughProvider(browser, app.url);
    expectRefused(answer, 401, 'this service did not accept the sign-in');
    expect((await browser.get(`${app.url}/plans`)).status).toBe(303);
  });

  it('refuses to start without the CSRF token of the sign-in page', async () => {
    await browser.get(`${app.url}/sign-in`);
    const answer = await browser.post(`${app.url}/sign-in/oidc`, { _csrf: 'guessed', returnTo: '/' });
    expect(answer.status).toBe(403);
    expect(answer.location).toBeUndefined();
  });

  it("lets the sign-in form go on to the provider's address (CSP form-action)", async () => {
    const page = await browser.get(`${app.url}/sign-in`);
    const formAction = /form-action ([^;]+)/.exec(page.headers.get('content-security-policy') ?? '')?.[1];
    expect(formAction?.split(' ')).toEqual(expect.arrayContaining(["'self'", provider.origin]));
  });

  it("signs out at the provider too, coming back to this service's sign-in page", async () => {
    await signInThroughProvider(browser, app.url);
    const url = new URL(app.nest.get(OidcSignOut).url() ?? '');
    expect(`${url.origin}${url.pathname}`).toBe(`${provider.issuer}/logout`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: CLIENT_ID,
      post_logout_redirect_uri: `${app.url}/sign-in`,
    });
  });
});
