import { expect, test } from '@playwright/test';
import { importFixturePlan } from './support/api.js';
import { createPlan, csrfOf, fillDate, planState, plansTitled, ukDay } from './support/admin-scene.js';
import { expectAccessible, keepScreenshot } from './support/pages.js';
import { sharedScene } from './support/shared-scene.js';
import { ADMIN, signIn, VIEWER, type WebUser } from './support/sign-in.js';

const heldToday = () => {
  const [year, month, day] = ukDay(0).split('-');
  return { 'heldOn-day': day!, 'heldOn-month': month!, 'heldOn-year': year! };
};

const EDITOR: WebUser = { name: 'Eddie Editor', roles: ['EDITOR'], owns: ['Head of Service'] };
/** The draft plan the EDITOR and the VIEWER try to change: each test checks it is still untouched. */
const notTheirs = sharedScene((request) =>
  importFixturePlan(request, `Not theirs ${Date.now().toString(36)}`),
);

test.describe('an ADMIN’s forms', () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, ADMIN, '/admin/plans/new');
  });

  test('create a plan: a missing title is said beside the field, then the plan is created', async ({
    page,
    request,
  }, testInfo) => {
    test.slow(); // several pages, each checked by axe
    const title = `Created by hand ${testInfo.testId}`;
    await expect(page.getByRole('heading', { name: 'Create a plan' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'import the council’s plan file' })).toHaveAttribute(
      'href',
      '/admin/plans/import',
    );
    await expectAccessible(page);
    await keepScreenshot(page, testInfo, 'admin-new-plan');

    await page.getByLabel('Inspectorate').fill('Ofsted');
    const response = page.waitForResponse((answer) => answer.request().method() === 'POST');
    await page.getByRole('button', { name: 'Create the plan' }).click();
    expect((await response).status()).toBe(400);
    await expect(page.getByRole('alert')).toContainText('Enter the day the inspection started');
    await expect(page.getByLabel('Inspectorate')).toHaveValue('Ofsted');
    await expectAccessible(page);

    await page.getByLabel('Inspectorate').fill('');
    await page.getByRole('button', { name: 'Create the plan' }).click();
    await expect(page.getByRole('alert')).toContainText('Title must not be empty');
    await expect(page.locator('#title-error')).toContainText('Title must not be empty');
    await expect(page.getByRole('link', { name: 'Title must not be empty' })).toHaveAttribute(
      'href',
      '#title',
    );
    await expectAccessible(page);

    await page.getByLabel('Title').fill(title);
    await page.getByLabel('Inspectorate').fill('Ofsted');
    await page.getByLabel('Inspection framework').fill('ILACS');
    await fillDate(page, 'inspectionStart', '2023-10-30');
    await fillDate(page, 'inspectionEnd', '2023-11-03');
    await page.getByLabel('Good', { exact: true }).check();
    await page.getByRole('button', { name: 'Create the plan' }).click();
    await expect(page).toHaveURL(/\/plans\/[0-9a-f-]{36}\?notice=created$/);
    const [plan] = await plansTitled(request, title);
    expect(plan?.status).toBe('DRAFT');
    expect(page.url()).toContain(plan!.id);
  });

  test('record a board meeting: not before it is held, then recorded', async ({
    page,
    request,
  }, testInfo) => {
    test.slow(); // several pages, each checked by axe
    const planId = await createPlan(request, `Board meeting ${testInfo.testId}`);
    await page.goto(`/plans/${planId}/board-meetings/new`);
    await expectAccessible(page);
    await page.getByLabel('Title').fill('Improvement board, this month');
    await fillDate(page, 'heldOn', ukDay(7));
    await page.getByRole('button', { name: 'Record the board meeting' }).click();
    await expect(page.getByRole('alert')).toContainText(
      'A board meeting can be recorded once it has been held',
    );
    await expect(page.getByLabel('Title')).toHaveValue('Improvement board, this month');
    await expectAccessible(page);
    expect((await planState(request, planId)).boardMeetings).toEqual([]);

    await fillDate(page, 'heldOn', ukDay(0));
    await page.getByRole('button', { name: 'Record the board meeting' }).click();
    await expect(page).toHaveURL(new RegExp(`/plans/${planId}\\?notice=board-meeting$`));
    expect((await planState(request, planId)).boardMeetings).toEqual([
      expect.objectContaining({ title: 'Improvement board, this month', heldOn: ukDay(0) }),
    ]);
  });

  test('approve a draft plan, then close it with a reason', async ({ page, request }, testInfo) => {
    test.slow(); // several pages, each checked by axe
    const planId = await createPlan(request, `Approve and close ${testInfo.testId}`);
    await page.goto(`/plans/${planId}/approve`);
    await expect(
      page.getByRole('heading', { name: 'Are you sure you want to approve this plan?' }),
    ).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Approve the plan' }).click();
    await expect(page).toHaveURL(new RegExp(`/plans/${planId}\\?notice=approved$`));
    expect((await planState(request, planId)).status).toBe('APPROVED');

    await page.goto(`/plans/${planId}/approve`);
    await expect(page.getByText('Only a draft plan can be approved.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Approve the plan' })).toHaveCount(0);

    await page.goto(`/plans/${planId}/close`);
    await expect(page.getByText('Closing means nothing in the plan can change afterwards')).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Close the plan' }).click();
    await expect(page.getByRole('alert')).toContainText(/reason/i);
    await expectAccessible(page);
    expect((await planState(request, planId)).status).toBe('APPROVED');

    await page.getByLabel('Why is the plan being closed?').fill('Every action is complete and embedded');
    await page.getByRole('button', { name: 'Close the plan' }).click();
    await expect(page).toHaveURL(new RegExp(`/plans/${planId}\\?notice=closed$`));
    expect((await planState(request, planId)).status).toBe('CLOSED');
  });
});

for (const user of [EDITOR, VIEWER]) {
  test.describe(`a ${user.roles[0]}`, () => {
    test('is refused the ADMIN pages, and a forged POST records nothing', async ({
      page,
      request,
    }, testInfo) => {
      test.slow(); // several pages, each checked by axe
      const planId = await notTheirs(request);
      await signIn(page, user, '/plans');
      await expect(page.getByRole('link', { name: 'New plan' })).toHaveCount(0);
      for (const path of [
        '/admin/plans/new',
        '/admin/plans/import',
        `/plans/${planId}/import`,
        `/plans/${planId}/board-meetings/new`,
        `/plans/${planId}/approve`,
        `/plans/${planId}/close`,
      ]) {
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(403);
        await expect(page.getByRole('heading', { name: 'You cannot do this' })).toBeVisible();
      }
      await expectAccessible(page);

      const _csrf = await csrfOf(page);
      const title = `Forged by ${user.name} ${testInfo.testId}`;
      const forged = [
        page.request.post('/admin/plans/new', { form: { _csrf, title } }),
        page.request.post(`/plans/${planId}/board-meetings/new`, {
          form: { _csrf, title, ...heldToday() },
        }),
        page.request.post(`/plans/${planId}/approve`, { form: { _csrf } }),
        page.request.post(`/plans/${planId}/close`, { form: { _csrf, reason: 'Forged' } }),
        page.request.post('/admin/plans/import', {
          multipart: {
            _csrf,
            title,
            file: { name: 'plan.txt', mimeType: 'text/plain', buffer: Buffer.from('x') },
          },
        }),
      ];
      for (const response of await Promise.all(forged)) {
        expect(response.status(), response.url()).toBe(403);
      }
      expect(await plansTitled(request, title)).toEqual([]);
      const plan = await planState(request, planId);
      expect(plan.status).toBe('DRAFT');
      expect(plan.boardMeetings).toEqual([]);
    });
  });
}
