import { expect } from '@jest/globals';
import { hiddenField, type Answer, type TestBrowser } from './oidc-browser.js';

/** The sign-in page, then "Continue to sign in": answers the POST (a 303 to the provider). */
export async function continueToSignIn(
  browser: TestBrowser,
  appUrl: string,
  returnTo = '/',
): Promise<Answer> {
  const page = await browser.get(`${appUrl}/sign-in?returnTo=${encodeURIComponent(returnTo)}`);
  expect(page.status).toBe(200);
  expect(page.body).toContain('Continue to sign in');
  return browser.post(`${appUrl}/sign-in/oidc`, {
    _csrf: hiddenField(page.body, '_csrf'),
    returnTo: hiddenField(page.body, 'returnTo'),
  });
}

/** At the provider, which signs in at once: answers its redirect back to the callback. */
export async function atProvider(browser: TestBrowser, toProvider: Answer): Promise<Answer> {
  expect(toProvider.status).toBe(303);
  const answer = await browser.get(toProvider.location ?? '');
  expect(answer.status).toBe(302);
  return answer;
}

/** The whole round trip; answers the callback's answer (a 303 to where the person was going). */
export async function signInThroughProvider(
  browser: TestBrowser,
  appUrl: string,
  returnTo = '/',
): Promise<Answer> {
  const back = await atProvider(browser, await continueToSignIn(browser, appUrl, returnTo));
  return browser.get(back.location ?? '');
}

/** The callback address the provider sent the browser to, with one parameter changed. */
export function withParam(answer: Answer, name: string, value: string): string {
  const url = new URL(answer.location ?? '');
  url.searchParams.set(name, value);
  return url.href;
}

/** The sign-in page again, with a GOV.UK error summary and nothing signed in. */
export function expectRefused(
  answer: { status: number; body: string; setCookies: readonly string[] },
  status: number,
  words: string,
) {
  expect(answer.status).toBe(status);
  expect(answer.body).toContain('govuk-error-summary');
  expect(answer.body).toContain('Sign-in did not complete: ');
  expect(answer.body.replace(/&#39;/g, "'")).toContain(words);
  expect(answer.body).toContain('Continue to sign in');
  expect(answer.body).not.toMatch(/stack|invalid_grant|invalid_client|ERR_|\.js:\d/);
}
