import type { Browser, Page } from '@playwright/test';
import { expectAccessible } from './pages.js';

/**
 * axe runs as a script in the page, which a page with JavaScript disabled refuses. So the page as
 * served (no script has run) is copied, its scripts left out, into a page of the same origin that
 * may run axe (a new context takes the test's options, so scripts are turned back on), and checked
 * there: the same markup and styles a browser without scripts shows.
 */
export async function expectAccessibleWithoutScript(page: Page, browser: Browser): Promise<void> {
  const served = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, '');
  const context = await browser.newContext({ javaScriptEnabled: true });
  try {
    const copy = await context.newPage();
    await copy.goto(new URL('/health/live', page.url()).href);
    await copy.setContent(served, { waitUntil: 'load' });
    await expectAccessible(copy);
  } finally {
    await context.close();
  }
}
