import { expect, type Page } from '@playwright/test';
import type { Role } from '../../../src/auth/domain/actor.js';
import { mintLocalToken } from '../../../src/auth/tokens/mint-token.js';

export interface WebUser {
  readonly name: string;
  readonly roles: readonly Role[];
  readonly owns?: readonly string[];
  readonly localAuthority?: string;
}

export const ADMIN: WebUser = { name: 'Alex Admin', roles: ['ADMIN'] };
export const VIEWER: WebUser = { name: 'Vic Viewer', roles: ['VIEWER'] };
export const AUDITOR: WebUser = { name: 'Ada Auditor', roles: ['AUDITOR'] };

/** A token made with the test server's own key, as `npm run token` would. */
export function tokenFor(user: WebUser): Promise<string> {
  const dataDir = process.env.WEB_TEST_DATA_DIR;
  if (!dataDir) throw new Error('WEB_TEST_DATA_DIR is set by test/web/playwright.config.ts');
  return mintLocalToken(dataDir, {
    name: user.name,
    roles: [...user.roles],
    owns: [...(user.owns ?? [])],
    ...(user.localAuthority ? { localAuthority: user.localAuthority } : {}),
  });
}

/** Signs in through the sign-in page, as a person pasting their token would (sign-in.pw.ts). */
export async function signInThroughPage(page: Page, user: WebUser, returnTo = '/'): Promise<void> {
  await page.goto(`/sign-in?returnTo=${encodeURIComponent(returnTo)}`);
  await page.getByLabel('Sign-in token').fill(await tokenFor(user));
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText(user.name, { exact: false }).first()).toBeVisible();
}

/**
 * Signs in by posting the same sign-in form from the page's own cookie jar, then opens `returnTo`:
 * what signInThroughPage does, a second faster, for the tests that are about other pages.
 */
export async function signIn(page: Page, user: WebUser, returnTo = '/'): Promise<void> {
  const form = await (await page.request.get('/sign-in')).text();
  const csrf = /name="_csrf" value="([^"]+)"/.exec(form)?.[1];
  if (!csrf) throw new Error('The sign-in page has no CSRF token');
  const answer = await page.request.post('/sign-in', {
    form: { _csrf: csrf, token: await tokenFor(user), returnTo },
    maxRedirects: 0,
  });
  expect(answer.status(), await answer.text()).toBe(303);
  await page.goto(returnTo);
  await expect(page.getByText(user.name, { exact: false }).first()).toBeVisible();
}
