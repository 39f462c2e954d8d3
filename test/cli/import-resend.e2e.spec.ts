import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importCommand } from '../../src/cli/import-command.js';
import { IOW_FIXTURE, iowText } from '../support/import-api.js';
import { PlanApi } from '../support/plan-api.js';
import { startTestApp, waitUntil, type TestApp } from '../support/test-app.js';

// `npm run import` run again after it crashed, or was stopped, with the same file and options.
describe('npm run import run twice', () => {
  let app: TestApp;
  let api: PlanApi;
  let token: string;
  const dataDirBefore = process.env.DATA_DIR;

  beforeAll(async () => {
    app = await startTestApp();
    api = new PlanApi(app);
    process.env.DATA_DIR = app.dataDir;
    token = await app.tokenFor({ name: 'Ann Admin', roles: ['ADMIN'] });
  });

  afterAll(async () => {
    if (dataDirBefore === undefined) delete process.env.DATA_DIR;
    else process.env.DATA_DIR = dataDirBefore;
    await app.close();
  });

  /** Runs the import as the shell would, with everything it printed. */
  async function runImport(argv: string[]) {
    const said: string[] = [];
    const { stdout } = process;
    const write = stdout.write;
    stdout.write = ((chunk: string) => said.push(String(chunk)) > 0) as typeof stdout.write;
    try {
      return { code: await importCommand([...argv, '--token', token]), output: said.join('') };
    } finally {
      stdout.write = write;
    }
  }

  it('makes one new plan, and prints the first report again', async () => {
    const argv = [IOW_FIXTURE, '--title', 'Isle of Wight, imported twice'];
    const first = await runImport(argv);
    const eventsBefore = app.eventCount();
    const second = await runImport(argv);
    expect(first.output).toMatch(/imported into new plan [0-9a-f-]{36}: \d+ events recorded/);
    expect(second).toEqual(first);
    expect(app.eventCount()).toBe(eventsBefore);
    // The server learns of what the command-line tool recorded by polling the store.
    const named = async () =>
      (await api.plans()).filter((plan) => plan.title === 'Isle of Wight, imported twice');
    await waitUntil(async () => (await named()).length > 0);
    expect(await named()).toHaveLength(1);
  });

  it('brings a plan back in line with the same file once the plan has changed since', async () => {
    const created = await runImport([IOW_FIXTURE, '--title', 'Isle of Wight, kept in line']);
    const planId = /new plan ([0-9a-f-]{36})/.exec(created.output)![1]!;
    const file = join(app.dataDir, 'iow-amber-2.1.txt');
    writeFileSync(file, iowText().replace(/(\n2\.1\t[^\n]*\tMarch 2024\t)G\t/, '$1A\t'));
    expect((await runImport([file, '--plan', planId])).output).toContain('1 event recorded');
    // The server learns of what the command-line tool recorded by polling the store.
    const action21 = async () =>
      (await api.plan(planId)) && (await api.actions(planId)).find((one) => one.ref === '2.1');
    await waitUntil(async () => (await action21())?.rag === 'AMBER');
    const action = (await action21())!;
    await api.changeRagStatus(action.id, 'GREEN', 'Back on track after the audit');
    expect((await runImport([file, '--plan', planId])).output).toContain('1 event recorded');
    await waitUntil(async () => (await api.action(action.id))?.rag !== 'GREEN');
    expect((await api.action(action.id))?.rag).toBe('AMBER');
  });
});
