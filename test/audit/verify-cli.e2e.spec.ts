import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { verifyMain } from '../../src/cli/verify-run.js';
import { planStream } from '../../src/plans/plan-stream.js';
import { planEvents, tamperWithStore, verifyAuditTrail } from '../support/audit-api.js';
import { PlanApi } from '../support/plan-api.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// `npm run verify` in-process, on the data directory of a running app (a second process on the file).
describe('npm run verify', () => {
  let app: TestApp;
  let api: PlanApi;
  let auditor: string;

  beforeAll(async () => {
    app = await startTestApp();
    api = new PlanApi(app);
    auditor = await app.tokenFor({ name: 'Alex Auditor', roles: ['AUDITOR'] });
  });

  afterAll(async () => {
    await app.close();
  });

  /** Runs the command as it would run from the shell (token null: none), with what it printed. */
  async function verify(argv: string[], token: string | null = auditor) {
    const said: string[] = [];
    const { stdout, stderr } = process;
    const [write, complain] = [stdout.write, stderr.write];
    stdout.write = ((chunk: string) => said.push(String(chunk)) > 0) as typeof stdout.write;
    stderr.write = ((chunk: string) => said.push(String(chunk)) > 0) as typeof stderr.write;
    try {
      const code = await verifyMain([...argv, ...(token ? ['--token', token] : [])], {
        DATA_DIR: app.dataDir,
      });
      return { code, output: said.join('') };
    } finally {
      stdout.write = write;
      stderr.write = complain;
    }
  }

  const planWithChanges = async () => {
    const { plan, actions } = await api.seedPlan();
    await api.changeRagStatus(actions['1.1'].id, 'AMBER', 'Recruitment under way');
    return { planId: plan.id, actionId: actions['1.1'].id };
  };

  it('prints one line per plan, and exits 0 when every chain is valid', async () => {
    const { planId } = await planWithChanges();
    const { headHash, eventsChecked } = await verifyAuditTrail(app, planId);
    const { code, output } = await verify([]);
    expect(code).toBe(0);
    expect(output).toContain(`${planId}  valid  ${eventsChecked} events  head ${headHash}\n`);
  });

  it('finds a head recorded earlier after the plan has moved on', async () => {
    const { planId, actionId } = await planWithChanges();
    const recorded = (await verifyAuditTrail(app, planId)).headHash;
    const version = planEvents(app, planId).length;
    await api.addProgressNote(actionId, 'Two social workers started');
    const { code, output } = await verify(['--plan', planId, '--expect-head', recorded]);
    expect(code).toBe(0);
    expect(output).toContain(`Recorded head matches version ${version} of ${version + 1}`);
  });

  it('exits 1 when the last event was deleted after its head was recorded', async () => {
    const { planId } = await planWithChanges();
    const recorded = (await verifyAuditTrail(app, planId)).headHash;
    expect((await verify(['--plan', planId, '--expect-head', recorded])).code).toBe(0);
    const last = planEvents(app, planId).length - 1;
    tamperWithStore(app, 'DELETE FROM events WHERE stream = ? AND revision = ?', planStream(planId), last);

    // The chain that is left is whole: only the recorded head shows what is missing.
    expect((await verify(['--plan', planId])).code).toBe(0);
    const { code, output } = await verify(['--plan', planId, '--expect-head', recorded]);
    expect(code).toBe(1);
    expect(output).toContain(`Recorded head ${recorded} matches no version of plan ${planId}`);
  });

  it('exits 1 and names the version when an event was edited', async () => {
    const { planId } = await planWithChanges();
    tamperWithStore(
      app,
      `UPDATE events SET data = json_set(data, '$.title', 'Renamed') WHERE stream = ? AND revision = 0`,
      planStream(planId),
    );
    const one = await verify(['--plan', planId]);
    expect(one).toEqual({ code: 1, output: expect.stringMatching(`^${planId}  INVALID at version 1  `) });
    const all = await verify([]);
    expect(all.code).toBe(1);
    expect(all.output).toContain(`${planId}  INVALID at version 1  `);
  });

  it('exits 2 for an unknown plan or a head that is not a hash', async () => {
    expect(await verify(['--plan', 'no-such-plan'])).toEqual({
      code: 2,
      output: 'No improvement plan has that id\n',
    });
    expect((await verify(['--plan', 'p', '--expect-head', 'minutes-p4'])).code).toBe(2);
  });

  it('needs an AUDITOR or ADMIN who sees every local authority', async () => {
    expect(await verify([], null)).toMatchObject({
      code: 2,
      output: expect.stringContaining('Sign in'),
    });
    const viewer = await app.tokenFor({ name: 'Val Viewer', roles: ['VIEWER'] });
    expect(await verify([], viewer)).toMatchObject({ code: 2, output: expect.stringContaining('may not') });
    const local = await app.tokenFor({
      name: 'Lee Local',
      roles: ['AUDITOR'],
      localAuthority: 'Isle of Wight',
    });
    expect(await verify([], local)).toMatchObject({
      code: 2,
      output: expect.stringContaining('local authority'),
    });
    const admin = await app.tokenFor({ name: 'Ada Admin', roles: ['ADMIN'] });
    expect((await verify(['--plan', (await planWithChanges()).planId], admin)).code).toBe(0);
  });
});
