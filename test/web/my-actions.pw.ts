import { expect, test } from '@playwright/test';
import {
  actionByRef,
  historyOf,
  importFixturePlanFor,
  LEAD_IRO_REFS,
  leadIro,
} from './support/action-scene.js';
import { expectAccessible, keepScreenshot } from './support/pages.js';
import { signIn, VIEWER } from './support/sign-in.js';

const uniqueTitle = (name: string) => `${name} ${Date.now().toString(36)}`;

test.describe('My actions', () => {
  // Several pages and accessibility checks per test; axe alone takes seconds on each.
  test.slow();

  test('an editor sees exactly the actions their role owns, overdue first', async ({
    page,
    request,
  }, testInfo) => {
    const { localAuthority } = await importFixturePlanFor(request, uniqueTitle('My actions list'));
    await signIn(page, leadIro(localAuthority), '/my-actions');
    await expect(page).toHaveURL(/\/my-actions$/);
    await expect(page.getByRole('heading', { level: 1, name: 'My actions' })).toBeVisible();
    const titles = await page.locator('.app-my-action h2').allTextContents();
    const refs = titles.map((title) => /Action (\S+)/.exec(title)?.[1]);
    // 4.1, 4.2 and 5.3 are Not rated and past their commencing month: overdue, so first.
    expect(refs).toEqual(['4.1', '4.2', '5.3', '3.1', '3.2', '6.3', '7.6']);
    expect([...refs].sort()).toEqual([...LEAD_IRO_REFS].sort());
    const first = page.locator('.app-my-action').first();
    await expect(first.getByText('Overdue', { exact: true })).toBeVisible();
    await expect(first.locator('.app-rag')).toHaveText('Not rated');
    await expectAccessible(page);
    await keepScreenshot(page, testInfo, 'my-actions');
  });

  test('records a monthly update from the list: RAG, reason and note together', async ({ page, request }) => {
    const { planId, localAuthority } = await importFixturePlanFor(request, uniqueTitle('My actions update'));
    const action = await actionByRef(request, planId, '3.1');
    await signIn(page, leadIro(localAuthority), '/my-actions');
    const card = page.locator(`#action-${action.id}`);
    await card.getByText('Record the monthly update for action 3.1').click();
    await card.getByLabel('Red', { exact: true }).check();
    await card.getByLabel('Reason for the change of RAG status').fill('Two IROs left in March');
    await card.getByLabel('Progress and impact to date').fill('Agency cover starts in May.');
    await card.getByRole('button', { name: 'Record update for action 3.1' }).click();

    await expect(page).toHaveURL(/\/my-actions\?updated=/);
    const banner = page.locator('.govuk-notification-banner--success');
    await expect(banner).toContainText('Update recorded for action 3.1');
    await expect(banner).toContainText('RAG status changed to Red');
    await expect(banner).toContainText('Progress note added');
    const updated = page.locator(`#action-${action.id}`);
    await expect(updated.getByText('Agency cover starts in May.')).toBeVisible();
    await expect(updated.getByText(/^Lee Ireland, /)).toBeVisible();
    await expectAccessible(page);

    const history = await historyOf(request, action.id);
    expect(history.slice(-2)).toEqual([
      {
        kind: 'RAG_CHANGED',
        from: 'GREEN',
        to: 'RED',
        reason: 'Two IROs left in March',
        actor: { name: 'Lee Ireland', via: 'web' },
      },
      expect.objectContaining({ kind: 'PROGRESS_NOTE_ADDED', to: 'Agency cover starts in May.' }),
    ]);
  });

  test('a user with no owner role is told why the list is empty and pointed to the plans', async ({
    page,
  }) => {
    await signIn(page, VIEWER, '/my-actions');
    await expect(page.getByText('does not name any owner role')).toBeVisible();
    await page.getByRole('link', { name: 'Go to plans' }).click();
    await expect(page).toHaveURL(/\/plans$/);
    await page.goBack();
    await expectAccessible(page);
  });
});
