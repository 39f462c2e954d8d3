import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { chromium, type Browser, type Page } from 'playwright';
import { startOidcApp, type OidcApp } from './support/oidc-app.js';
import { FakeOidcProvider } from './support/oidc-provider.js';

/**
 * The round trip in Chromium, where fetch cannot tell: the browser's CSP (form-action must let the
 * sign-in and sign-out forms redirect to the provider) and its SameSite rules (the provider, on
 * another site here, sends the browser back with a top-level GET that must carry the flow cookie).
 */
describe('signing in through the provider in a real browser', () => {
  let provider: FakeOidcProvider;
  let app: OidcApp;
  let browser: Browser;

  beforeAll(async () => {
    provider = await FakeOidcProvider.start('localhost');
    app = await startOidcApp(provider);
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      // As test/web/playwright.config.ts: Debian's Chromium, kept from reaching Google's hosts.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await provider?.stop();
  });

  it('signs in, keeps the page asked for, and signs out at the provider too', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${app.url}/plans`);
    await expect(page.getByRole('heading', { name: 'Sign in' }).isVisible()).resolves.toBe(true);
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Continue to sign in' }).click();
    await page.waitForURL(`${app.url}/plans`);
    await expect(page.getByText('Priya Shah (VIEWER)').isVisible()).resolves.toBe(true);
    const cookies = await context.cookies(app.url);
    expect(cookies.map(({ name, httpOnly, sameSite }) => ({ name, httpOnly, sameSite }))).toEqual([
      { name: 'plan_tracker_session', httpOnly: true, sameSite: 'Lax' },
    ]);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${app.url}/sign-in`);
    expect(provider.signOuts).toBe(1);
    await page.goto(`${app.url}/plans`);
    await expect(page.getByRole('heading', { name: 'Sign in' }).isVisible()).resolves.toBe(true);
    await context.close();
  }, 60_000);

  it('shows why sign-in did not complete, accessibly', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    provider.refuseNext = 'access_denied';
    await page.goto(`${app.url}/sign-in`);
    await page.getByRole('button', { name: 'Continue to sign in' }).click();
    await page.waitForURL(/\/sign-in\/callback\?/);
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Sign-in did not complete');
    await expectAccessible(page);
    await context.close();
  }, 60_000);
});

/**
 * No serious or critical WCAG 2.2 AA violation (as test/web/support/pages.ts, outside Playwright
 * Test, and run the same quicker way: in the page, violations only).
 */
async function expectAccessible(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page })
    .options({ resultTypes: ['violations'] }) // before withTags, which adds to these options
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .setLegacyMode(true)
    .analyze();
  const grave = violations.filter(({ impact }) => impact === 'serious' || impact === 'critical');
  expect(
    grave.map(({ id, nodes }) => `${id}: ${nodes.map((node) => node.target.join(' ')).join('; ')}`),
  ).toEqual([]);
}
