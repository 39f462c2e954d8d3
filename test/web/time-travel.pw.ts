import { expect, test } from '@playwright/test';
import { ukDateTimeWords, ukFormFields } from '../../src/web/plans/uk-time.js';
import { graphql, importFixturePlan } from './support/api.js';
import { expectAccessible, keepScreenshot } from './support/pages.js';
import {
  changeRag,
  expectShowing,
  nextWholeSecond,
  openAsAt,
  ragTagOf,
  showAsAt,
} from './support/plan-overview.js';
import { sharedScene } from './support/shared-scene.js';
import { ADMIN, AUDITOR, signIn, VIEWER } from './support/sign-in.js';

const BANNER = 'A past state of the plan';

/**
 * A plan whose action 1.2 went from Amber to Red after `before`, a whole second (the as-at form
 * takes seconds), with a whole second between them. The tests only read it, so it is built once.
 */
const changedPlan = sharedScene(async (request) => {
  const planId = await importFixturePlan(request, 'Time travel: earlier RAG');
  const before = await nextWholeSecond();
  await nextWholeSecond();
  const earlierRag = await changeRag(request, planId, '1.2', 'RED');
  expect(earlierRag).toBe('AMBER');
  return { planId, before };
});

/** A plan as imported, for the tests about the control itself (one of them adds a board meeting). */
const importedPlan = sharedScene((request) => importFixturePlan(request, 'Time travel: as imported'));

test.describe('the overview as at an earlier time', () => {
  // Each test imports a 36-action plan and runs axe on whole pages: slow on a busy machine.
  test.slow();

  test('shows the RAG an action had before a change, with a banner, and the plan now again', async ({
    page,
    request,
  }, testInfo) => {
    const { planId, before } = await changedPlan(request);
    await signIn(page, AUDITOR, `/plans/${planId}`);
    await expect(ragTagOf(page, '1.2')).toHaveText('Red');
    await expect(page.getByRole('region', { name: BANNER })).toHaveCount(0);

    await showAsAt(page, ukFormFields(before.toISOString()));

    await expect(ragTagOf(page, '1.2')).toHaveText('Amber');
    const banner = page.getByRole('region', { name: BANNER });
    await expect(banner).toContainText(
      `You are looking at the plan as it was recorded at ${ukDateTimeWords(before.toISOString())}.`,
    );
    await expect(banner).toContainText(
      'Later changes are not shown. This is what anyone with access could see at that time.',
    );
    await expectShowing(page, 36, 36);
    await expect(page.locator('#plan-live-status')).not.toHaveAttribute('data-plan-id', /./);
    await expect(page.getByRole('link', { name: 'Board pack (web page)' })).toHaveAttribute(
      'href',
      `/plans/${planId}/board-pack?asOf=${encodeURIComponent(before.toISOString())}`,
    );
    await expectAccessible(page);
    await keepScreenshot(page, testInfo, 'plan-as-at');

    await banner.getByRole('link', { name: 'See the plan now' }).click();
    await expect(ragTagOf(page, '1.2')).toHaveText('Red');
    await expect(page.getByRole('region', { name: BANNER })).toHaveCount(0);
  });

  test('keeps the filters while looking at the past', async ({ page, request }) => {
    const { planId, before } = await changedPlan(request);
    await signIn(page, ADMIN, `/plans/${planId}?rag=RED`);
    await expect(ragTagOf(page, '1.2')).toHaveText('Red');
    await showAsAt(page, ukFormFields(before.toISOString()));
    await expect(page).toHaveURL(/rag=RED/);
    await expect(ragTagOf(page, '1.2')).toHaveCount(0);
    await expect(page.getByLabel('RAG status', { exact: true })).toHaveValue('RED');
  });

  test('shows the plan as at a board meeting', async ({ page, request }) => {
    const planId = await importedPlan(request);
    const today = ukFormFields(new Date().toISOString());
    const heldOn = `${today.year}-${today.month.padStart(2, '0')}-${today.day.padStart(2, '0')}`;
    await graphql(
      request,
      'mutation ($input: RecordBoardMeetingInput!) { recordBoardMeeting(input: $input) { id } }',
      {
        input: { planId, heldOn, title: 'Improvement board, today' },
      },
    );
    await signIn(page, AUDITOR, `/plans/${planId}`);
    await openAsAt(page);
    await page.getByLabel(/Or as at a board meeting/).selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Show the plan at this meeting' }).click();
    await expect(page.getByRole('region', { name: BANNER })).toContainText(
      'the end of the day of Improvement board, today',
    );
    await expectAccessible(page);
  });

  test('refuses a date that is not real, beside the field, with status 400', async ({ page, request }) => {
    const planId = await importedPlan(request);
    await signIn(page, ADMIN, `/plans/${planId}`);
    const answered = page.waitForResponse((response) => response.url().includes('asAtDay='));
    await showAsAt(page, { day: '31', month: '2', year: '2025' });
    expect((await answered).status()).toBe(400);
    await expect(page.getByRole('alert')).toContainText('The date must be a real date');
    await expect(page.locator('#asAt-error')).toContainText('The date must be a real date');
    await expect(page.getByLabel('Day', { exact: true })).toHaveValue('31');
    await expectAccessible(page);
    await page.getByRole('alert').getByRole('link').click();
    await expect(page.getByLabel('Day', { exact: true })).toBeFocused();
  });

  test('says when the plan did not exist yet', async ({ page, request }) => {
    const planId = await importedPlan(request);
    await signIn(page, ADMIN, `/plans/${planId}`);
    await showAsAt(page, { day: '1', month: '1', year: '2020' });
    await expect(page.getByRole('alert')).toContainText('The plan did not exist yet at that time');
    await expect(page.getByRole('link', { name: 'See the plan now' })).toBeVisible();
    await expectAccessible(page);
  });

  test('a VIEWER has no as-at control, and asking by address is refused', async ({ page, request }) => {
    const planId = await importedPlan(request);
    await signIn(page, VIEWER, `/plans/${planId}`);
    await expect(page.getByText('See the plan as it was at an earlier time')).toHaveCount(0);
    const response = await page.goto(`/plans/${planId}?asAtDay=1&asAtMonth=1&asAtYear=2025`);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole('heading', { name: 'You cannot do this' })).toBeVisible();
    await expectAccessible(page);
  });
});

test.describe('the as-at control without JavaScript', () => {
  // Each test imports a 36-action plan and runs axe on whole pages: slow on a busy machine.
  test.slow();

  test.use({ javaScriptEnabled: false });

  test('shows the earlier RAG', async ({ page, request }) => {
    const { planId, before } = await changedPlan(request);
    await signIn(page, AUDITOR, `/plans/${planId}`);
    await showAsAt(page, ukFormFields(before.toISOString()));
    await expect(ragTagOf(page, '1.2')).toHaveText('Amber');
    await expect(page.getByRole('region', { name: BANNER })).toBeVisible();
  });
});
