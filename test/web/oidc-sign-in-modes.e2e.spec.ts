import { describe, expect, it } from '@jest/globals';
import { loadAuthConfig } from '../../src/auth/tokens/auth-config.js';
import { startTestApp } from '../support/test-app.js';
import { startOidcApp } from './support/oidc-app.js';
import { TestBrowser } from './support/oidc-browser.js';
import { continueToSignIn, expectRefused, signInThroughProvider } from './support/oidc-journey.js';
import { API_AUDIENCE, FakeOidcProvider } from './support/oidc-provider.js';

/** The sign-in as configured: a confidential client, a provider down, no client id, no provider. */
describe('with a confidential client (AUTH_CLIENT_SECRET)', () => {
  it('authenticates to the token endpoint with the secret and signs in', async () => {
    const provider = await FakeOidcProvider.start();
    const app = await startOidcApp(provider, { AUTH_CLIENT_SECRET: 'pages-s3cret' });
    try {
      const answer = await signInThroughProvider(new TestBrowser(), app.url, '/plans');
      expect([answer.status, answer.location]).toEqual([303, '/plans']);
      // The fake provider has checked the secret; here, that it travelled in the Basic header only.
      const sent = provider.tokenRequests.at(-1);
      expect(sent).toMatchObject({ answer: 'tokens', authorization: expect.stringMatching(/^Basic \S+$/) });
      expect(sent?.form).not.toHaveProperty('client_secret');
    } finally {
      await app.close();
      await provider.stop();
    }
  });
});

describe('while the provider is down', () => {
  it('the app starts, the sign-in page says so, and sign-in works once the provider is back', async () => {
    const provider = await FakeOidcProvider.start();
    await provider.stop();
    const app = await startOidcApp(provider);
    try {
      expect((await fetch(`${app.url}/health/ready`)).status).toBe(200);
      const browser = new TestBrowser();
      const down = await continueToSignIn(browser, app.url, '/plans');
      expectRefused(down, 503, "your council's sign-in service cannot be reached just now");
      expect(browser.cookie('plan_tracker_oidc')).toBeUndefined();

      await provider.listen();
      const answer = await signInThroughProvider(browser, app.url, '/plans');
      expect([answer.status, answer.location]).toEqual([303, '/plans']);
    } finally {
      await app.close();
      await provider.stop();
    }
  });
});

describe('with a provider but no AUTH_CLIENT_ID (the API alone uses it)', () => {
  it('says that signing in to the pages has not been set up', async () => {
    const auth = loadAuthConfig(
      {
        AUTH_ISSUER: 'http://127.0.0.1:9/realms/council',
        AUTH_AUDIENCE: API_AUDIENCE,
        AUTH_JWKS_URL: 'http://127.0.0.1:9/jwks',
      },
      '/unused',
    );
    const app = await startTestApp({ auth });
    try {
      const answer = await continueToSignIn(new TestBrowser(), app.url);
      expectRefused(answer, 503, 'signing in to these pages has not been set up');
    } finally {
      await app.close();
    }
  });
});

describe('in the embedded sign-in (no provider)', () => {
  it('has no provider routes: /sign-in/oidc and /sign-in/callback are not found', async () => {
    const app = await startTestApp();
    try {
      const browser = new TestBrowser();
      const page = await browser.get(`${app.url}/sign-in`);
      expect(page.body).not.toContain('Continue to sign in');
      const start = await browser.post(`${app.url}/sign-in/oidc`, { returnTo: '/' });
      const callback = await browser.get(`${app.url}/sign-in/callback?code=x&state=y`);
      for (const answer of [start, callback]) {
        expect(answer.status).toBe(404);
        expect(answer.body).toContain('Page not found');
      }
    } finally {
      await app.close();
    }
  });
});
