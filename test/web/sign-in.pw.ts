import { expect, test } from '@playwright/test';
import { expectAccessible, keepScreenshot } from './support/pages.js';
import { ADMIN, AUDITOR, signInThroughPage, VIEWER } from './support/sign-in.js';

test.describe('signing in to the pages', () => {
  test('a visitor is sent to sign in, and comes back to the page they asked for', async ({
    page,
  }, testInfo) => {
    await page.goto('/plans');
    await expect(page).toHaveURL(/\/sign-in\?returnTo=%2Fplans/);
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await expectAccessible(page);
    await keepScreenshot(page, testInfo, 'sign-in');
    await signInThroughPage(page, VIEWER, '/plans');
    await expect(page).toHaveURL(/\/plans$/);
  });

  test('a token that is not valid is refused with a message beside the field', async ({ page }) => {
    await page.goto('/sign-in');
    await page.getByLabel('Sign-in token').fill('not-a-token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toContainText('That token is not valid');
    await expectAccessible(page);
  });

  // One browser, one person after another: signing out must leave nothing for the next one.
  test('an ADMIN, a VIEWER and an AUDITOR each sign in and out', async ({ page }) => {
    for (const user of [ADMIN, VIEWER, AUDITOR]) {
      await test.step(`${user.roles[0]} signs in and out`, async () => {
        await signInThroughPage(page, user);
        await expect(page.getByText(`${user.name} (${user.roles.join(', ')})`)).toBeVisible();
        await page.getByRole('button', { name: 'Sign out' }).click();
        await expect(page).toHaveURL(/\/sign-in$/);
        await page.goto('/plans');
        await expect(page).toHaveURL(/\/sign-in/);
      });
    }
  });
});
