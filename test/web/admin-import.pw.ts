import { expect, test } from '@playwright/test';
import { FIXTURE_PLAN_TEXT, graphql, importFixturePlan } from './support/api.js';
import {
  actionIdByRef,
  changeRag,
  exportCsv,
  FIXTURE_PLAN_FILE,
  fileWithProblems,
  planState,
  plansTitled,
  summaryValue,
} from './support/admin-scene.js';
import { expectAccessible, keepScreenshot } from './support/pages.js';
import { sharedScene } from './support/shared-scene.js';
import { ADMIN, signIn, tokenFor } from './support/sign-in.js';

/** A plan imported from the fixture that two tests re-import into and export, changing nothing. */
const importedPlan = sharedScene((request) =>
  importFixturePlan(request, `Re-imported ${Date.now().toString(36)}`),
);

test.describe('an ADMIN imports the council’s plan file', () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, ADMIN, '/admin/plans/import');
  });

  test('sees the dry run first, records nothing until confirming, then lands on the new plan', async ({
    page,
    request,
  }, testInfo) => {
    test.slow(); // several pages, each checked by axe
    const title = `Imported through the page ${testInfo.testId}`;
    await expect(page.getByRole('heading', { name: 'Import the council’s plan file' })).toBeVisible();
    await expectAccessible(page);
    await page.getByLabel('Title of the new plan (optional)').fill(title);
    await page.getByLabel('The plan file').setInputFiles(FIXTURE_PLAN_FILE);
    await page.getByRole('button', { name: 'Check the file' }).click();

    await expect(page.getByRole('heading', { name: 'Check the import before it is recorded' })).toBeVisible();
    await expect(summaryValue(page, 'Themes added')).toHaveText('9');
    await expect(summaryValue(page, 'Actions added')).toHaveText('36');
    await expect(page.getByText('Nothing has been recorded yet.')).toBeVisible();
    await expect(page.getByRole('table', { name: /Changes in the order/ })).toContainText(
      'Add action 1.1 (AMBER)',
    );
    await expectAccessible(page);
    await keepScreenshot(page, testInfo, 'import-preview');
    expect(await plansTitled(request, title)).toEqual([]);

    await page.getByRole('button', { name: 'Create the plan' }).click();
    await expect(page).toHaveURL(/\/plans\/[0-9a-f-]{36}\?notice=imported$/);
    const [plan] = await plansTitled(request, title);
    expect(plan?.ragSummary.total).toBe(36);
    expect(page.url()).toContain(plan!.id);
  });

  test('the same file into the same plan previews no changes and offers nothing to confirm', async ({
    page,
    request,
  }) => {
    test.slow(); // several pages, each checked by axe
    const planId = await importedPlan(request);
    await page.goto(`/plans/${planId}/import`);
    await expect(page.getByLabel('Title of the new plan (optional)')).toHaveCount(0);
    await expectAccessible(page);
    await page.getByLabel('The plan file').setInputFiles(FIXTURE_PLAN_FILE);
    await page.getByRole('button', { name: 'Check the file' }).click();
    await expect(page.getByRole('heading', { name: 'No changes' })).toBeVisible();
    await expect(summaryValue(page, 'Actions added')).toHaveText('0');
    await expect(page.getByRole('button', { name: 'Record these changes' })).toHaveCount(0);
    await expectAccessible(page);
  });

  test('a CSV made from the export becomes a new plan; the XLSX export changes nothing in its own plan', async ({
    page,
    request,
  }, testInfo) => {
    test.slow(); // several pages, each checked by axe
    const sourceId = await importedPlan(request);
    const title = `From the CSV ${testInfo.testId}`;
    await page.getByLabel('Title of the new plan (optional)').fill(title);
    await page.getByLabel('The plan file').setInputFiles({
      name: 'plan.csv',
      mimeType: 'text/csv',
      buffer: await exportCsv(request, sourceId),
    });
    await page.getByRole('button', { name: 'Check the file' }).click();
    await expect(summaryValue(page, 'Format')).toHaveText('CSV');
    await expect(summaryValue(page, 'Actions added')).toHaveText('36');
    await page.getByRole('button', { name: 'Create the plan' }).click();
    await expect(page).toHaveURL(/notice=imported/);
    expect((await plansTitled(request, title))[0]?.ragSummary.total).toBe(36);

    const xlsx = await request.get(`/plans/${sourceId}/export.xlsx`, {
      headers: { authorization: `Bearer ${await tokenFor(ADMIN)}` },
    });
    await page.goto(`/plans/${sourceId}/import`);
    await page.getByLabel('The plan file').setInputFiles({
      name: 'plan.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await xlsx.body(),
    });
    await page.getByRole('button', { name: 'Check the file' }).click();
    await expect(summaryValue(page, 'Format')).toHaveText('Excel workbook (XLSX)');
    await expect(page.getByRole('heading', { name: 'No changes' })).toBeVisible();
  });

  test('a file with problems lists them by line, offers no confirm and records nothing', async ({
    page,
    request,
  }, testInfo) => {
    test.slow(); // several pages, each checked by axe
    const title = `Broken file ${testInfo.testId}`;
    await page.getByLabel('Title of the new plan (optional)').fill(title);
    await page.getByLabel('The plan file').setInputFiles({
      name: 'plan.txt',
      mimeType: 'text/plain',
      buffer: fileWithProblems(),
    });
    await page.getByRole('button', { name: 'Check the file' }).click();
    const summary = page.getByRole('alert');
    await expect(summary).toContainText(/Line \d+: Ref 1\.1 is used twice \(lines 59 and \d+\)/);
    await expect(page.getByRole('table', { name: /Problems that stop the import/ })).toContainText(
      'used twice',
    );
    await expect(page.getByRole('button', { name: 'Create the plan' })).toHaveCount(0);
    await expect(page.getByLabel('Title of the new plan (optional)')).toHaveValue(title);
    await expectAccessible(page);
    expect(await plansTitled(request, title)).toEqual([]);
  });

  test('a file of another kind, or none, is refused beside the field', async ({ page }) => {
    test.slow(); // several pages, each checked by axe
    await page.getByRole('button', { name: 'Check the file' }).click();
    await expect(page.getByRole('alert')).toContainText('Select the plan file');
    await expectAccessible(page);
    await page.getByLabel('The plan file').setInputFiles({
      name: 'plan.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4'),
    });
    await page.getByRole('button', { name: 'Check the file' }).click();
    await expect(page.locator('#file-error')).toContainText('must be a .txt, .csv or .xlsx file');
  });

  test('a progress note that seems to identify a child stops the import until it is acknowledged', async ({
    page,
  }, testInfo) => {
    test.slow(); // several pages, each checked by axe
    const withNhsNumber = FIXTURE_PLAN_TEXT.replace(
      'Several new staff',
      'Child 943 476 5919 re-referred. Several new staff',
    );
    const file = { name: 'plan.txt', mimeType: 'text/plain', buffer: Buffer.from(withNhsNumber) };
    await page.getByLabel('Title of the new plan (optional)').fill(`Personal data ${testInfo.testId}`);
    await page.getByLabel('The plan file').setInputFiles(file);
    await page.getByRole('button', { name: 'Check the file' }).click();
    await expect(page.getByRole('alert')).toContainText('seems to contain an NHS number');
    await expect(page.getByRole('button', { name: 'Create the plan' })).toHaveCount(0);
    await expectAccessible(page);

    await page.getByLabel('The plan file').setInputFiles(file);
    await page.getByLabel('I have checked these progress notes: record them as they are').check();
    await page.getByRole('button', { name: 'Check the file' }).click();
    await expect(page.getByRole('table', { name: /Warnings to check/ })).toContainText(
      'recorded because personal data was acknowledged',
    );
    await expect(page.getByRole('button', { name: 'Create the plan' })).toBeVisible();
    await expectAccessible(page);
  });

  test('when the plan changed since the preview, the new preview is shown before anything is recorded', async ({
    page,
    request,
  }, testInfo) => {
    test.slow(); // several pages, each checked by axe
    const planId = await importFixturePlan(request, `Changed meanwhile ${testInfo.testId}`);
    const action = await actionIdByRef(request, planId, '1.1');
    expect(action.rag).toBe('AMBER');
    const greener = FIXTURE_PLAN_TEXT.replace(/^(1\.1\t(?:[^\t]*\t){3})A\t/m, '$1G\t');
    await page.goto(`/plans/${planId}/import`);
    await page
      .getByLabel('The plan file')
      .setInputFiles({ name: 'plan.txt', mimeType: 'text/plain', buffer: Buffer.from(greener) });
    await page.getByRole('button', { name: 'Check the file' }).click();
    await expect(summaryValue(page, 'RAG changes')).toHaveText('1');

    await changeRag(request, action.id, { rag: 'GREEN', reason: 'Caseloads reached the agreed level' });
    await page.getByRole('button', { name: 'Record these changes' }).click();
    await expect(page.getByText('The plan changed since your preview')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'No changes' })).toBeVisible();
    await expectAccessible(page);
    const { actionHistory } = await graphql<{ actionHistory: { reason: string | null }[] }>(
      request,
      'query ($id: ID!) { actionHistory(actionId: $id) { reason } }',
      { id: action.id },
    );
    expect(actionHistory.filter((change) => change.reason?.includes('plan.txt'))).toHaveLength(0);
    expect((await planState(request, planId)).ragSummary.total).toBe(36);
  });
});
