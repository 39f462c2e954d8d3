import { expect, test, type Page } from '@playwright/test';
import { importFixturePlan } from './support/api.js';
import { actionByRef, changeRagAs, historyOf, leadIro } from './support/action-scene.js';
import { expectAccessible, keepScreenshot } from './support/pages.js';
import { sharedScene } from './support/shared-scene.js';
import { ADMIN, signIn, VIEWER } from './support/sign-in.js';

const EDITOR = leadIro();
/** One plan for the file: each test works on an action of its own (6.3, 3.2, 7.6, 1.1, 4.1). */
const plan = sharedScene((request) => importFixturePlan(request, `Action pages ${Date.now().toString(36)}`));

/** A UK calendar day some days back, as the three date boxes take it. */
function daysAgo(days: number): { day: string; month: string; year: string } {
  const [year, month, day] = new Date(Date.now() - days * 86_400_000)
    .toLocaleDateString('en-CA', { timeZone: 'Europe/London' })
    .split('-');
  return { day: String(Number(day)), month: String(Number(month)), year: year! };
}

async function fillUpdate(page: Page, update: { rag?: string; reason?: string; note?: string }) {
  if (update.rag) await page.getByLabel(update.rag, { exact: true }).check();
  if (update.reason) await page.getByLabel('Reason for the change of RAG status').fill(update.reason);
  if (update.note) await page.getByLabel('Progress and impact to date').fill(update.note);
}

test.describe('an action’s page', () => {
  // Several pages and accessibility checks per test; axe alone takes seconds on each.
  test.slow();

  test('an editor changes the RAG with a reason and sees it on the timeline', async ({
    page,
    request,
  }, testInfo) => {
    const planId = await plan(request);
    const action = await actionByRef(request, planId, '6.3');
    await signIn(page, EDITOR, `/actions/${action.id}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Action 6.3' })).toBeVisible();
    await fillUpdate(page, { rag: 'Red', reason: 'Advocacy contract delayed', note: 'Retendering in June.' });
    await page.getByRole('button', { name: 'Record update for action 6.3' }).click();

    await expect(page).toHaveURL(new RegExp(`/actions/${action.id}\\?updated=`));
    await expect(page.locator('.govuk-notification-banner--success')).toContainText(
      'RAG status changed to Red',
    );
    const row = page.locator('.app-timeline tbody tr', { hasText: 'RAG status changed' }).last();
    await expect(row).toContainText('Lee Ireland');
    await expect(row).toContainText('Amber → Red');
    await expect(row).toContainText('Advocacy contract delayed');
    await expect(page.locator('.app-notes li').last()).toContainText('Retendering in June.');
    await expect(page.locator('.app-action-summary')).toContainText('Red');
    await expectAccessible(page);
    await keepScreenshot(page, testInfo, 'action-page');
  });

  test('a RAG change without a reason is refused beside the field and nothing is recorded', async ({
    page,
    request,
  }) => {
    const planId = await plan(request);
    const action = await actionByRef(request, planId, '3.2');
    const before = await historyOf(request, action.id);
    await signIn(page, EDITOR, `/actions/${action.id}`);
    await fillUpdate(page, { rag: 'Amber', note: 'Audit booked for May.' });
    await page.getByRole('button', { name: 'Record update for action 3.2' }).click();

    const summary = page.locator('.govuk-error-summary');
    await expect(summary).toBeVisible();
    const link = summary.getByRole('link', { name: /reason/i });
    await expect(link).toHaveAttribute('href', '#reason');
    await expect(page.locator('#reason-error')).toBeVisible();
    await expect(page.getByLabel('Progress and impact to date')).toHaveValue('Audit booked for May.');
    await expect(page.getByLabel('Amber', { exact: true })).toBeChecked();
    await expect(page).toHaveTitle(/^Error: /);
    await expectAccessible(page);
    await link.click();
    await expect(page.getByLabel('Reason for the change of RAG status')).toBeFocused();
    expect(await historyOf(request, action.id)).toEqual(before);
  });

  test('when someone else changed the action first, the page says what changed and keeps the typing', async ({
    page,
    request,
  }, testInfo) => {
    const planId = await plan(request);
    const action = await actionByRef(request, planId, '7.6');
    await signIn(page, EDITOR, `/actions/${action.id}`);
    const date = daysAgo(3);
    await fillUpdate(page, { rag: 'Red', reason: 'Care leavers audit late', note: 'Audit moved to July.' });
    await page
      .getByRole('group', { name: /Date it took effect/ })
      .getByLabel('Day')
      .fill(date.day);
    await page.getByLabel('Month').fill(date.month);
    await page.getByLabel('Year').fill(date.year);
    await changeRagAs(request, action.id, 'GREEN', 'Board agreed it is on track', ADMIN);

    const answer = page.waitForResponse((response) => response.url().endsWith('/update'));
    await page.getByRole('button', { name: 'Record update for action 7.6' }).click();
    expect((await answer).status()).toBe(409);
    await expect(page.locator('.govuk-error-summary')).toContainText('someone else changed action 7.6');
    const changes = page.locator('#changes-since');
    await expect(changes).toContainText('Alex Admin');
    await expect(changes).toContainText('Amber → Green');
    await expect(changes).toContainText('Board agreed it is on track');
    await expect(page.getByLabel('Red', { exact: true })).toBeChecked();
    await expect(page.getByLabel('Reason for the change of RAG status')).toHaveValue(
      'Care leavers audit late',
    );
    await expect(page.getByLabel('Progress and impact to date')).toHaveValue('Audit moved to July.');
    await expect(page.getByLabel('Day')).toHaveValue(date.day);
    await expect(page.getByLabel('Year')).toHaveValue(date.year);
    await expectAccessible(page);
    await keepScreenshot(page, testInfo, 'action-conflict');

    await page.getByRole('button', { name: 'Record update for action 7.6' }).click();
    await expect(page.locator('.govuk-notification-banner--success')).toContainText(
      'RAG status changed to Red',
    );
    const history = await historyOf(request, action.id);
    expect(history.slice(-3).map(({ kind, to }) => [kind, to])).toEqual([
      ['RAG_CHANGED', 'GREEN'],
      ['RAG_CHANGED', 'RED'],
      ['PROGRESS_NOTE_ADDED', 'Audit moved to July.'],
    ]);
  });

  test('a VIEWER sees no edit form, and a forged POST with their session is refused', async ({
    page,
    request,
  }) => {
    const planId = await plan(request);
    const action = await actionByRef(request, planId, '1.1');
    const before = await historyOf(request, action.id);
    await signIn(page, VIEWER, `/actions/${action.id}`);
    await expect(page.getByRole('heading', { name: 'Timeline' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Monthly update' })).toHaveCount(0);
    await expect(page.locator('form[action$="/update"]')).toHaveCount(0);
    await expectAccessible(page);

    const csrf = await page.locator('input[name="_csrf"]').first().inputValue();
    const forged = await page.request.post(`/actions/${action.id}/update`, {
      form: {
        _csrf: csrf,
        rag: 'RED',
        reason: 'Forged',
        note: 'Forged',
        expectedVersion: String(action.version),
      },
      maxRedirects: 0,
    });
    expect(forged.status()).toBe(403);
    expect(await historyOf(request, action.id)).toEqual(before);
  });

  test('a form without the session’s CSRF token is refused and records nothing', async ({
    page,
    request,
  }) => {
    const planId = await plan(request);
    const action = await actionByRef(request, planId, '4.1');
    const before = await historyOf(request, action.id);
    await signIn(page, EDITOR, `/actions/${action.id}`);
    const form = {
      rag: 'RED',
      reason: 'No token',
      note: 'No token',
      expectedVersion: String(action.version),
    };
    for (const sent of [form, { ...form, _csrf: 'not-the-session-token' }]) {
      const answer = await page.request.post(`/actions/${action.id}/update`, { form: sent, maxRedirects: 0 });
      expect(answer.status()).toBe(403);
    }
    expect(await historyOf(request, action.id)).toEqual(before);
  });

  test('an action that does not exist is a 404 page', async ({ page }) => {
    await signIn(page, VIEWER);
    const response = await page.goto('/actions/no-such-action');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await expectAccessible(page);
  });
});
