import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

/**
 * The pages in a real browser: Debian's Chromium (Playwright's own download is not reachable
 * here), against the built app on a fresh embedded store. Workers inherit the data directory so
 * that tests can mint tokens with the server's key.
 */
process.env.WEB_TEST_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'plan-tracker-web-'));
process.env.WEB_TEST_PORT ??= String(3900 + Math.floor(Math.random() * 90));
const port = process.env.WEB_TEST_PORT;

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.pw.ts',
  outputDir: '../../test-results/web',
  // A file runs in one worker, in order (some share a scene); two files run at once against the one
  // server, each test in plans and sessions of its own. Two workers keep both cores of a CI machine
  // busy, where one mostly leaves a core waiting on the other (browser, then server, then browser).
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    screenshot: 'only-on-failure',
    // A failed test keeps its trace (every step with the page's DOM); its screencast is left out,
    // which costs every test time for the few that fail (they still keep a screenshot).
    trace: { mode: 'retain-on-failure', screenshots: false },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      // Without these Chromium keeps trying to reach Google's hosts, which this network refuses.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: 'node dist/main.js',
    cwd: '../..',
    url: `http://127.0.0.1:${port}/health/ready`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      DATA_DIR: process.env.WEB_TEST_DATA_DIR,
      PORT: port,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
    },
  },
});
