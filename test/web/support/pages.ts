import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, type TestInfo } from '@playwright/test';

/**
 * WCAG 2.2 AA by axe: no serious or critical violation on the page as it is now. Each violation is
 * listed with the elements it found, so a failure says what to fix.
 *
 * The same rules, run the quicker way, which halves the time of each check: axe.run in the page
 * itself (legacy mode; it leaves out only cross-origin frames, and these pages have no frames)
 * rather than a partial run finished in a new blank page, and reporting violations only (passes
 * and inapplicable rules, which nothing reads, are not collected).
 */
export async function expectAccessible(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page })
    .options({ resultTypes: ['violations'] }) // before withTags, which adds to these options
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .setLegacyMode(true)
    .analyze();
  const grave = violations
    .filter(({ impact }) => impact === 'serious' || impact === 'critical')
    .map(
      ({ id, help, nodes }) => `${id}: ${help} (${nodes.map((node) => node.target.join(' ')).join('; ')})`,
    );
  expect(grave, `accessibility violations on ${page.url()}`).toEqual([]);
}

/** A full-page screenshot kept with the test's output (test-results/web), named for the page. */
export async function keepScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await testInfo.attach(name, {
    body: await page.screenshot({ fullPage: true, path: testInfo.outputPath(`${name}.png`) }),
    contentType: 'image/png',
  });
}
