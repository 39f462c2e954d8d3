import { expect, test } from '@playwright/test';
import { importFixturePlan } from './support/api.js';
import { expectAccessible, keepScreenshot } from './support/pages.js';
import { changeRag, planFacts } from './support/plan-overview.js';
import { sharedScene } from './support/shared-scene.js';
import { signIn, VIEWER } from './support/sign-in.js';

/** A plan with one RAG change (1.1 to Red) since its import; the tests only read it. */
const trendPlan = sharedScene(async (request) => {
  const planId = await importFixturePlan(request, 'Trend: chart and table');
  await changeRag(request, planId, '1.1', 'RED');
  return planId;
});

test.describe('the RAG trend page', () => {
  // Each test imports a 36-action plan and runs axe on whole pages: slow on a busy machine.
  test.slow();

  test('shows a chart and a table of the same numbers, monthly or weekly', async ({
    page,
    request,
  }, testInfo) => {
    const planId = await trendPlan(request);
    const { ragSummary } = await planFacts(request, planId);
    await signIn(page, VIEWER, `/plans/${planId}`);
    await page.getByRole('link', { name: 'RAG trend' }).click();

    await expect(page.getByRole('heading', { level: 1 })).toHaveText('RAG trend');
    const chart = page.getByRole('img', { name: 'RAG trend of Trend: chart and table' });
    await expect(chart).toBeVisible();
    await expect(chart.locator('desc')).toHaveText(/monthly.*Latest: 1 Red, \d+ Amber/);
    await expect(chart.locator('polyline')).toHaveCount(5);
    const dashes = await chart
      .locator('polyline')
      .evaluateAll((lines) => lines.map((line) => line.getAttribute('stroke-dasharray')));
    expect(new Set(dashes).size).toBe(5);

    const table = page.getByRole('table', { name: 'RAG counts of Trend: chart and table, monthly' });
    const lastRow = table.locator('tbody tr').last();
    const { red, amber, green, blue, notRated, total } = ragSummary;
    await expect(lastRow.locator('td')).toHaveText([red, amber, green, blue, notRated, total].map(String));
    await expectAccessible(page);
    await keepScreenshot(page, testInfo, 'rag-trend');

    await page.getByLabel('Weekly').check();
    await page.getByRole('button', { name: 'Show the trend' }).click();
    await expect(page).toHaveURL(/interval=WEEK/);
    await expect(page.getByRole('table', { name: /, weekly$/ })).toBeVisible();
    await expect(chart.locator('desc')).toHaveText(/weekly/);
  });

  test('starts at a chosen day, and refuses one that is not real', async ({ page, request }) => {
    const planId = await trendPlan(request);
    await signIn(page, VIEWER, `/plans/${planId}/trend`);
    await page.getByLabel('Day', { exact: true }).fill('1');
    await page.getByLabel('Month', { exact: true }).fill('1');
    await page.getByLabel('Year', { exact: true }).fill('2024');
    await page.getByRole('button', { name: 'Show the trend' }).click();
    const rows = page.locator('table tbody tr');
    await expect(rows.first().locator('th')).toHaveText('1 Jan 2024, 00:00');
    // Before the plan existed there was nothing to count.
    await expect(rows.first().locator('td').last()).toHaveText('0');

    const answered = page.waitForResponse((response) => response.url().includes('fromDay=32'));
    await page.getByLabel('Day', { exact: true }).fill('32');
    await page.getByRole('button', { name: 'Show the trend' }).click();
    expect((await answered).status()).toBe(400);
    await expect(page.getByRole('alert')).toContainText('The date must be a real date');
    await expectAccessible(page);
  });
});
