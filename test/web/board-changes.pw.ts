import { expect, test, type APIRequestContext } from '@playwright/test';
import {
  actionIdByRef,
  changeRag,
  importFixtureAsOf,
  recordBoardMeeting,
  ukDay,
} from './support/admin-scene.js';
import { expectAccessible, keepScreenshot } from './support/pages.js';
import { signIn, VIEWER } from './support/sign-in.js';

const REASON = 'Two social workers left: caseloads in the assessment team rose again';

/**
 * A plan in effect from ten days ago, a board that met yesterday, a RAG change recorded since
 * (1.1 from Amber to Red, with its reason), and today's board. Yesterday's meeting stands for the end
 * of yesterday, so the change falls between the two meetings, and after the last meeting that ended.
 */
async function planWithTwoBoards(request: APIRequestContext, title: string) {
  const planId = await importFixtureAsOf(request, title, ukDay(-10));
  const yesterday = await recordBoardMeeting(request, planId, { title: 'Board before', heldOn: ukDay(-1) });
  const action = await actionIdByRef(request, planId, '1.1');
  expect(action.rag).toBe('AMBER');
  await changeRag(request, action.id, { rag: 'RED', reason: REASON });
  const today = await recordBoardMeeting(request, planId, { title: 'Board today', heldOn: ukDay(0) });
  return { planId, yesterday, today, actionId: action.id };
}

test.describe('changes between two board meetings', () => {
  test('a VIEWER sees each RAG movement since the last board with its reason, and picks the two meetings', async ({
    page,
    request,
  }, testInfo) => {
    test.slow(); // several pages, each checked by axe
    const scene = await planWithTwoBoards(request, `Board changes ${testInfo.testId}`);
    await signIn(page, VIEWER, `/plans/${scene.planId}/changes`);
    await expect(
      page.getByRole('heading', { name: /^Changes since the Board before \(.+\) until now$/ }),
    ).toBeVisible();
    await expect(page.getByLabel('From')).toHaveValue(scene.yesterday);
    await expect(page.getByLabel('To')).toHaveValue('');

    const movements = page.getByRole('table', { name: /Every RAG change in the period/ });
    const row = movements.getByRole('row', { name: /^1\.1\b/ });
    await expect(row).toContainText('Amber');
    await expect(row).toContainText('Red');
    await expect(row).toContainText('Worsened');
    await expect(row).toContainText(REASON);
    await expect(row).toContainText('Alex Admin');
    await expect(row.getByRole('link', { name: '1.1' })).toHaveAttribute(
      'href',
      `/actions/${scene.actionId}`,
    );
    await expect(movements.getByRole('row')).toHaveCount(2);
    const net = page.getByRole('table', { name: /Each action whose RAG differs/ });
    await expect(net.getByRole('row', { name: /^1\.1\b/ })).toContainText('Worsened');
    await expectAccessible(page);
    await keepScreenshot(page, testInfo, 'board-changes');

    await page.getByLabel('To').selectOption(scene.today);
    await page.getByRole('button', { name: 'Show changes' }).click();
    await expect(page).toHaveURL(new RegExp(`from=${scene.yesterday}&to=${scene.today}`));
    await expect(page.getByRole('heading', { name: /until the Board today/ })).toBeVisible();
    await expect(movements.getByRole('row', { name: /^1\.1\b/ })).toContainText(REASON);
  });

  test('from the plan’s creation, everything imported counts as added; a period the wrong way round is refused', async ({
    page,
    request,
  }, testInfo) => {
    test.slow(); // several pages, each checked by axe
    const scene = await planWithTwoBoards(request, `Board changes period ${testInfo.testId}`);
    await signIn(page, VIEWER, `/plans/${scene.planId}/changes?from=created`);
    await expect(
      page.getByRole('heading', { name: 'Changes since the plan was created until now' }),
    ).toBeVisible();
    await expect(page.getByRole('table', { name: /Actions added, withdrawn or edited/ })).toContainText(
      'Action added',
    );

    const response = await page.goto(
      `/plans/${scene.planId}/changes?from=${scene.today}&to=${scene.yesterday}`,
    );
    expect(response?.status()).toBe(400);
    await expect(page.getByRole('alert')).toContainText('The period must not start after it ends');
    await expect(page.locator('#from-error')).toBeVisible();
    await expectAccessible(page);
  });
});
