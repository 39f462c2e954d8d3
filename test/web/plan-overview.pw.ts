import { expect, test, type Page } from '@playwright/test';
import { importFixturePlan } from './support/api.js';
import { expectAccessible, keepScreenshot } from './support/pages.js';
import {
  actionRow,
  addUnownedAction,
  changeRag,
  expectShowing,
  listedRefs,
  planFacts,
  ragTagOf,
  type PlanFacts,
} from './support/plan-overview.js';
import { sharedScene } from './support/shared-scene.js';
import { ADMIN, signIn, VIEWER } from './support/sign-in.js';

/** The plan as imported, which the tests that only read it share (the others change theirs). */
const importedPlan = sharedScene((request) => importFixturePlan(request, 'Overview: counts and themes'));

const themeHeading = (theme: PlanFacts['themes'][number]) =>
  `${theme.number}. ${theme.title ?? '(no heading)'}`;
/** The refs of the actions kept, in the overview's order: by theme, then as added. */
const refsWhere = (facts: PlanFacts, keep: (action: PlanFacts['actions'][number]) => boolean) =>
  facts.themes.flatMap((theme) =>
    facts.actions.filter((action) => action.themeId === theme.id && keep(action)).map((action) => action.ref),
  );

test.describe('the plan overview', () => {
  // Each test imports a 36-action plan and runs axe on whole pages: slow on a busy machine.
  test.slow();

  test('shows the RAG counts, an accessible bar and every theme of the imported plan', async ({
    page,
    request,
  }, testInfo) => {
    const planId = await importedPlan(request);
    const facts = await planFacts(request, planId);
    expect([facts.actions.length, facts.themes.length]).toEqual([36, 9]);
    await signIn(page, ADMIN, `/plans/${planId}`);

    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Overview: counts and themes');
    const { red, amber, green, blue, notRated } = facts.ragSummary;
    await expect(page.locator('.app-rag-counts li')).toHaveText([
      `Red ${red}`,
      `Amber ${amber}`,
      `Green ${green}`,
      `Blue ${blue}`,
      `Not rated ${notRated}`,
    ]);
    await expect(page.getByRole('img', { name: /RAG status of 36 actions/ })).toHaveAttribute(
      'aria-label',
      `RAG status of 36 actions: ${red} Red, ${amber} Amber, ${green} Green, ${blue} Blue, ${notRated} Not rated`,
    );
    for (const theme of facts.themes) {
      await expect(page.getByRole('heading', { level: 3, name: themeHeading(theme) })).toBeVisible();
    }
    await expectShowing(page, 36, 36);
    expect(await listedRefs(page)).toEqual(refsWhere(facts, () => true));
    const overdue = refsWhere(facts, (action) => action.overdue);
    expect(overdue.length).toBeGreaterThan(0);
    await expect(actionRow(page, overdue[0]!).getByText('Overdue')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Board pack (PDF)' })).toHaveAttribute(
      'href',
      `/plans/${planId}/board-pack.pdf`,
    );
    await expect(page.getByRole('link', { name: 'Record a board meeting' })).toBeVisible();
    await expectAccessible(page);
    await keepScreenshot(page, testInfo, 'plan-overview');
  });

  test('links an action’s ref to its page', async ({ page, request }) => {
    const planId = await importedPlan(request);
    const action = (await planFacts(request, planId)).actions.find((one) => one.ref === '1.2')!;
    await signIn(page, VIEWER, `/plans/${planId}`);
    await expect(actionRow(page, '1.2').getByRole('link', { name: 'Action 1.2' })).toHaveAttribute(
      'href',
      `/actions/${action.id}`,
    );
    await expect(page.getByRole('link', { name: 'Record a board meeting' })).toHaveCount(0);
  });

  test('answers 404 for a plan that does not exist', async ({ page }) => {
    await signIn(page, VIEWER);
    const response = await page.goto('/plans/00000000-0000-4000-8000-000000000000');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await expectAccessible(page);
  });

  test('updates live when another client changes a RAG, keeping the filters', async ({ page, request }) => {
    const planId = await importFixturePlan(request, 'Overview: live');
    const facts = await planFacts(request, planId);
    const amber = refsWhere(facts, (action) => action.rag === 'AMBER');
    await signIn(page, VIEWER, `/plans/${planId}?rag=AMBER`);
    await expectShowing(page, amber.length, 36);
    await page.evaluate(() => Object.assign(globalThis, { notReloaded: true }));
    await waitUntilLive(page);

    await changeRag(request, planId, amber[0]!, 'RED');

    await expect(page.getByRole('status')).toHaveText(
      `Updated: ${amber[0]} RAG changed from Amber to Red by ${ADMIN.name}`,
    );
    await expectShowing(page, amber.length - 1, 36);
    expect(await listedRefs(page)).toEqual(amber.slice(1));
    await expect(page.locator('.app-rag-counts li').first()).toHaveText(`Red ${facts.ragSummary.red + 1}`);
    expect(await page.evaluate(() => (globalThis as { notReloaded?: boolean }).notReloaded)).toBe(true);
    await expect(page.getByLabel('RAG status', { exact: true })).toHaveValue('AMBER');
    await expectAccessible(page);
  });
});

/**
 * Waits until the page has sent its subscription, then a moment for the server to register it
 * (graphql-ws acknowledges connections, not subscriptions).
 */
async function waitUntilLive(page: Page) {
  await expect(page.locator('#plan-live-status')).toHaveAttribute('data-live', 'subscribed');
  await page.waitForTimeout(250);
}

/** Applies the filter form's current choices; the result is the address the form sent. */
async function applyFilters(page: Page) {
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await page.waitForLoadState('domcontentloaded');
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`the overview's filters (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, () => {
    // Each test imports a 36-action plan and runs axe on whole pages: slow on a busy machine.
    test.slow();

    test.use({ javaScriptEnabled });

    test('each filter narrows the list, and Clear filters shows every action again', async ({
      page,
      request,
    }) => {
      const planId = await importFixturePlan(request, `Overview: filters, JS ${javaScriptEnabled}`);
      await addUnownedAction(request, planId, '9.99');
      const facts = await planFacts(request, planId);
      const total = facts.actions.length;
      expect(refsWhere(facts, (a) => a.owners.length === 0)).toContain('9.99');
      const theme = facts.themes[2]!;
      const owner = 'Lead IRO';
      await signIn(page, ADMIN, `/plans/${planId}`);
      const filtersFor: [string, () => Promise<unknown>, string[]][] = [
        [
          'RAG Green',
          () => page.getByLabel('RAG status', { exact: true }).selectOption('GREEN'),
          refsWhere(facts, (a) => a.rag === 'GREEN'),
        ],
        [
          `owner ${owner}`,
          () => page.getByLabel('Owner', { exact: true }).selectOption(owner),
          refsWhere(facts, (a) => a.owners.includes(owner)),
        ],
        [
          'theme',
          () => page.getByLabel('Theme', { exact: true }).selectOption(theme.id),
          refsWhere(facts, (a) => a.themeId === theme.id),
        ],
        ['overdue', () => page.getByLabel('Overdue').check(), refsWhere(facts, (a) => a.overdue)],
        [
          'unassigned',
          () => page.getByLabel('Without an owner').check(),
          refsWhere(facts, (a) => a.owners.length === 0),
        ],
        // Every note of a plan imported just now is new: none is stale (the rule is unit-tested).
        ['stale', () => page.getByLabel(/Without a progress note for 42 days/).check(), []],
      ];
      for (const [name, choose, expected] of filtersFor) {
        await page.goto(`/plans/${planId}`);
        await choose();
        await applyFilters(page);
        expect(expected.length, name).toBeLessThan(total);
        await expectShowing(page, expected.length, total);
        expect(await listedRefs(page), name).toEqual(expected);
      }
      // axe runs in the page: it is checked with JavaScript on (the markup is the same).
      if (javaScriptEnabled) await expectAccessible(page);
      await page.getByRole('link', { name: 'Clear filters' }).click();
      await expectShowing(page, total, total);
    });

    test('filters combine, and stay in the address', async ({ page, request }) => {
      const planId = await importedPlan(request);
      const facts = await planFacts(request, planId);
      await signIn(page, VIEWER, `/plans/${planId}`);
      await page.getByLabel('RAG status', { exact: true }).selectOption('NOT_RATED');
      await page.getByLabel('Overdue').check();
      await applyFilters(page);
      await expect(page).toHaveURL(/rag=NOT_RATED/);
      await expect(page).toHaveURL(/show=overdue/);
      const expected = refsWhere(facts, (a) => a.rag === 'NOT_RATED' && a.overdue);
      await expectShowing(page, expected.length, facts.actions.length);
      for (const ref of expected) await expect(ragTagOf(page, ref)).toHaveText('Not rated');
      await page.reload();
      await expect(page.getByLabel('Overdue')).toBeChecked();
    });
  });
}
