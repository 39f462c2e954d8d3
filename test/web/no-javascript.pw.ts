import { expect, test } from '@playwright/test';
import { actionByRef, historyOf, importFixturePlanFor, leadIro } from './support/action-scene.js';
import { expectAccessibleWithoutScript } from './support/action-accessible.js';
import { signIn } from './support/sign-in.js';

const uniqueTitle = (name: string) => `${name} ${Date.now().toString(36)}`;

/** Councils' locked-down browsers: reading and the monthly update must need no script. */
test.describe('with JavaScript disabled', () => {
  test.use({ javaScriptEnabled: false });
  // Each page is also checked by axe in a copy (see expectAccessibleWithoutScript): slow here.
  test.slow();

  test('an editor reads My actions and records the monthly update from it', async ({
    page,
    request,
    browser,
  }) => {
    const { planId, localAuthority } = await importFixturePlanFor(request, uniqueTitle('No script list'));
    const action = await actionByRef(request, planId, '4.2');
    await signIn(page, leadIro(localAuthority), '/my-actions');
    await expect(page.locator('.app-my-action')).toHaveCount(7);
    await expectAccessibleWithoutScript(page, browser);

    const card = page.locator(`#action-${action.id}`);
    await card.getByText('Record the monthly update for action 4.2').click();
    await card.getByLabel('Amber', { exact: true }).check();
    await card.getByLabel('Reason for the change of RAG status').fill('Planning started');
    await card.getByLabel('Progress and impact to date').fill('First review panel held.');
    await card.getByRole('button', { name: 'Record update for action 4.2' }).click();
    await expect(page).toHaveURL(/\/my-actions\?updated=/);
    await expect(page.locator('.govuk-notification-banner--success')).toContainText(
      'RAG status changed to Amber',
    );
    await expectAccessibleWithoutScript(page, browser);
    const history = await historyOf(request, action.id);
    expect(history.slice(-2).map(({ kind, to }) => [kind, to])).toEqual([
      ['RAG_CHANGED', 'AMBER'],
      ['PROGRESS_NOTE_ADDED', 'First review panel held.'],
    ]);
  });

  test('an editor reads an action page, is told what is missing, and records the update', async ({
    page,
    request,
    browser,
  }) => {
    const { planId, localAuthority } = await importFixturePlanFor(request, uniqueTitle('No script page'));
    const action = await actionByRef(request, planId, '5.3');
    await signIn(page, leadIro(localAuthority), `/actions/${action.id}`);
    await expect(page.getByRole('heading', { name: 'Timeline' })).toBeVisible();
    await expect(page.locator('.app-timeline tbody tr')).not.toHaveCount(0);
    await expectAccessibleWithoutScript(page, browser);

    await page.getByLabel('Red', { exact: true }).check();
    await page.getByLabel('Progress and impact to date').fill('Permanence tracker not yet live.');
    await page.getByRole('button', { name: 'Record update for action 5.3' }).click();
    await expect(page.locator('.govuk-error-summary')).toContainText(/reason/i);
    await expect(page.getByLabel('Progress and impact to date')).toHaveValue(
      'Permanence tracker not yet live.',
    );
    await expectAccessibleWithoutScript(page, browser);

    await page.getByLabel('Reason for the change of RAG status').fill('Tracker delayed by the supplier');
    await page.getByRole('button', { name: 'Record update for action 5.3' }).click();
    await expect(page).toHaveURL(new RegExp(`/actions/${action.id}\\?updated=`));
    const row = page.locator('.app-timeline tbody tr', { hasText: 'RAG status changed' }).last();
    await expect(row).toContainText('Not rated → Red');
    await expect(row).toContainText('Tracker delayed by the supplier');
  });
});
