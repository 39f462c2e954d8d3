import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { boardPackMain } from '../../src/cli/board-pack-run.js';
import { importCommand } from '../../src/cli/import-command.js';
import { importIowPlan, IOW_FIXTURE, iowText } from '../support/import-api.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const UNKNOWN_PLAN = '0b6f3c1e-9d2a-4c4b-8f3e-2a1d5c7e9b10';

// The command-line tools in-process, on the data directory of a running app, as an ADMIN.
describe('npm run import and npm run board-pack, run wrongly or with an effective date', () => {
  let app: TestApp;
  let token: string;
  let planId: string;
  const dataDirBefore = process.env.DATA_DIR;

  beforeAll(async () => {
    app = await startTestApp();
    process.env.DATA_DIR = app.dataDir;
    token = await app.tokenFor({ name: 'Ann Admin', roles: ['ADMIN'] });
    planId = (await importIowPlan(app)).planId!;
  });

  afterAll(async () => {
    if (dataDirBefore === undefined) delete process.env.DATA_DIR;
    else process.env.DATA_DIR = dataDirBefore;
    await app.close();
  });

  /** Runs a tool as the shell would, with everything it printed. */
  async function run(main: (argv: string[]) => Promise<number>, argv: string[]) {
    const said: string[] = [];
    const { stdout, stderr } = process;
    const [write, complain] = [stdout.write, stderr.write];
    stdout.write = ((chunk: string) => said.push(String(chunk)) > 0) as typeof stdout.write;
    stderr.write = ((chunk: string) => said.push(String(chunk)) > 0) as typeof stderr.write;
    try {
      const code = await main([...argv, '--token', token]);
      return { code, output: said.join('') };
    } finally {
      stdout.write = write;
      stderr.write = complain;
    }
  }

  it.each([UNKNOWN_PLAN, 'not-a-plan-id'])(
    'import exits 2 for --plan %s, like any bad argument',
    async (id) => {
      const before = app.eventCount();
      const result = await run(importCommand, [IOW_FIXTURE, '--plan', id]);
      expect(result).toEqual({ code: 2, output: '--plan: No improvement plan has that id\n' });
      expect(app.eventCount()).toBe(before);
    },
  );

  it.each([UNKNOWN_PLAN, 'not-a-plan-id'])('board-pack exits 2 for --plan %s', async (id) => {
    const result = await run(boardPackMain, ['--plan', id]);
    expect(result).toEqual({ code: 2, output: '--plan: No improvement plan has that id\n' });
  });

  it('import exits 2 for an --effective day in the future, recording nothing', async () => {
    const before = app.eventCount();
    const result = await run(importCommand, [IOW_FIXTURE, '--plan', planId, '--effective', '2999-01-01']);
    expect(result).toEqual({
      code: 2,
      output:
        '--effective: The effective date 2999-01-01 is in the future: an import records what has already happened\n',
    });
    expect(app.eventCount()).toBe(before);
  });

  it('import records the file’s changes as effective on the --effective day', async () => {
    const file = join(app.dataDir, 'iow-march-2024.txt');
    writeFileSync(file, iowText().replace(/(\n2\.1\t[^\n]*\tMarch 2024\t)G\t/, '$1A\t'));
    const before = app.eventCount();
    const result = await run(importCommand, [file, '--plan', planId, '--effective', '2024-03-31']);
    expect(result.code).toBe(0);
    expect(result.output).toContain(
      `iow-march-2024.txt imported into plan ${planId}: 1 event recorded, effective 31 March 2024.`,
    );
    const [recorded] = app.storedEvents().slice(before);
    expect([recorded?.type, recorded?.metadata.effectiveDate]).toEqual(['RagStatusChanged', '2024-03-31']);
  });
});
