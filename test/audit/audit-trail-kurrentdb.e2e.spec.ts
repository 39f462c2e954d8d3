import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { planStream } from '../../src/plans/plan-stream.js';
import { boardPackHead, verifyAuditTrail } from '../support/audit-api.js';
import type { StoredEvent } from '../support/kurrentdb-double/event-log.js';
import { KurrentDbDouble } from '../support/kurrentdb-double/kurrentdb-double.js';
import { startKurrentDbApp } from '../support/kurrentdb-double/kurrentdb-test-app.js';
import { PlanApi } from '../support/plan-api.js';
import { waitUntil, type TestApp } from '../support/test-app.js';

const json = (bytes: Uint8Array) =>
  JSON.parse(Buffer.from(bytes).toString('utf8')) as Record<string, unknown>;
const bytes = (value: unknown) => Buffer.from(JSON.stringify(value));

// The same hash chain through the official KurrentDB client and the protocol double.
describe('the audit trail of a plan kept in KurrentDB', () => {
  let double: KurrentDbDouble;
  const apps: TestApp[] = [];
  const start = async () => {
    const app = await startKurrentDbApp(double);
    apps.push(app);
    return app;
  };

  beforeAll(async () => {
    double = await KurrentDbDouble.start();
  });

  afterAll(async () => {
    await Promise.all(apps.map((app) => app.close()));
    await double.close();
  });

  /** Someone with access to the server's storage rewrites one record of the plan's stream, in place. */
  function rewrite(planId: string, revision: number, change: (event: StoredEvent) => StoredEvent): void {
    const original = double.log.stream(planStream(planId))?.[revision];
    if (!original) throw new Error(`The plan has no event at revision ${revision}`);
    Object.assign(original, change(original));
  }

  const storedHashes = (planId: string) =>
    (double.log.stream(planStream(planId)) ?? []).map((event) => json(event.customMetadata).hash);

  it('verifies a plan, names an event rewritten on the server, and prints the head in the board pack', async () => {
    const app = await start();
    const api = new PlanApi(app);
    const { plan, actions } = await api.seedPlan();
    await api.changeRagStatus(actions['1.1'].id, 'AMBER', 'Recruitment under way');
    const hashes = storedHashes(plan.id);
    const verified = await verifyAuditTrail(app, plan.id);
    expect(verified).toEqual({
      valid: true,
      eventsChecked: hashes.length,
      headHash: hashes.at(-1),
      firstInvalidVersion: null,
    });
    expect(await boardPackHead(app, plan.id)).toEqual({ version: hashes.length, hash: verified.headHash });

    rewrite(plan.id, 4, (event) => ({
      ...event,
      data: bytes({ ...json(event.data), description: 'Rewritten' }),
    }));
    expect(await verifyAuditTrail(app, plan.id)).toMatchObject({ valid: false, firstInvalidVersion: 5 });
  });

  it('keeps one chain when two instances write to the same plan', async () => {
    const [first, second] = [new PlanApi(await start()), new PlanApi(await start())];
    const { plan, actions } = await first.seedPlan();
    const action = actions['1.2'];
    await waitUntil(async () => (await second.action(action.id)) !== null);
    await second.changeRagStatus(action.id, 'RED', 'Recruitment stalled');
    await first.addProgressNote(action.id, 'Agency staff booked');
    await second.addProgressNote(action.id, 'Two social workers started');
    const hashes = storedHashes(plan.id);
    expect(await verifyAuditTrail(apps.at(-1)!, plan.id)).toMatchObject({
      valid: true,
      eventsChecked: hashes.length,
      headHash: hashes.at(-1),
    });
  });

  it('covers events recorded before tamper evidence, and catches one edited afterwards', async () => {
    let app = await start();
    const { plan, actions } = await new PlanApi(app).seedPlan();
    const legacy = storedHashes(plan.id).length;
    for (let revision = 0; revision < legacy; revision += 1) {
      rewrite(plan.id, revision, (event) => {
        const { hash: _hash, ...metadata } = json(event.customMetadata);
        return { ...event, customMetadata: bytes(metadata) };
      });
    }
    app = await start(); // a fresh process: nothing remembered of the stream's head
    await new PlanApi(app).changeRagStatus(actions['1.1'].id, 'AMBER', 'Recruitment under way');
    expect(storedHashes(plan.id).filter((hash) => hash !== undefined)).toHaveLength(1);
    expect(await verifyAuditTrail(app, plan.id)).toMatchObject({ valid: true, eventsChecked: legacy + 1 });

    rewrite(plan.id, 0, (event) => ({
      ...event,
      data: bytes({ ...json(event.data), title: 'Milder title' }),
    }));
    expect(await verifyAuditTrail(app, plan.id)).toMatchObject({
      valid: false,
      firstInvalidVersion: legacy + 1,
    });
  });
});
