import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { planStream } from '../../src/plans/plan-stream.js';
import {
  boardPackHead,
  planEvents,
  tamperWithStore,
  verifyAuditTrail,
  verifyAuditTrailResponse,
} from '../support/audit-api.js';
import { PlanApi } from '../support/plan-api.js';
import { startTestApp, TestClock, type TestApp } from '../support/test-app.js';

// Tamper evidence on the embedded store, through the API: what someone with the database file can change.
describe('the audit trail of a plan', () => {
  let app: TestApp;
  let api: PlanApi;
  const clock = new TestClock('2024-05-01T09:00:00.000Z');

  beforeAll(async () => {
    app = await startTestApp({ clock: clock.clock });
    api = new PlanApi(app);
  });

  afterAll(async () => {
    await app.close();
  });

  it('verifies every event of a plan recorded through the application', async () => {
    const { plan, actions } = await api.seedPlan();
    await api.changeRagStatus(actions['1.1'].id, 'AMBER', 'Recruitment under way');
    const events = planEvents(app, plan.id);
    expect(await verifyAuditTrail(app, plan.id)).toEqual({
      valid: true,
      eventsChecked: events.length,
      headHash: events.at(-1)?.metadata.hash,
      firstInvalidVersion: null,
    });
  });

  it('names the version of an event whose data was edited in the database', async () => {
    const { plan, actions } = await api.seedPlan();
    const changed = await api.changeRagStatus(actions['1.2'].id, 'RED', 'Recruitment stalled');
    await api.addProgressNote(actions['1.2'].id, 'Agency staff booked');
    const version = planEvents(app, plan.id).findIndex((event) => event.type === 'RagStatusChanged') + 1;
    tamperWithStore(
      app,
      `UPDATE events SET data = json_set(data, '$.reason', 'Agreed at board') WHERE stream = ? AND revision = ?`,
      planStream(plan.id),
      version - 1,
    );
    expect(changed.rag).toBe('RED');
    expect(await verifyAuditTrail(app, plan.id)).toMatchObject({
      valid: false,
      firstInvalidVersion: version,
    });
  });

  it('prints in the board pack the head hash as at the pack’s point in time', async () => {
    const { plan, actions } = await api.seedPlan();
    // Just before the clock's next reading: the change below is recorded after the pack's point.
    const asOf = new Date(Date.parse(clock.peek()) - 1).toISOString();
    const versionThen = planEvents(app, plan.id).length;
    await api.changeRagStatus(actions['1.4'].id, 'GREEN', 'Target met');
    const events = planEvents(app, plan.id);
    expect(await boardPackHead(app, plan.id, `?asOf=${encodeURIComponent(asOf)}`)).toEqual({
      version: versionThen,
      hash: events[versionThen - 1]?.metadata.hash,
    });
    const now = await boardPackHead(app, plan.id);
    expect(now).toEqual({ version: events.length, hash: (await verifyAuditTrail(app, plan.id)).headHash });
  });

  it('answers NOT_FOUND for a plan that does not exist', async () => {
    const response = await verifyAuditTrailResponse(app, 'no-such-plan');
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'planId' });
  });

  describe('with events recorded before tamper evidence', () => {
    /** A plan whose events were all recorded by a version without hashes, then changed once since. */
    async function legacyPlanChangedSince() {
      const { plan, actions } = await api.seedPlan();
      tamperWithStore(
        app,
        `UPDATE events SET metadata = json_remove(metadata, '$.hash') WHERE stream = ?`,
        planStream(plan.id),
      );
      await app.restart();
      const legacy = planEvents(app, plan.id).length;
      await api.changeRagStatus(actions['1.1'].id, 'AMBER', 'Recruitment under way');
      return { planId: plan.id, legacy };
    }

    it('covers them with the first hashed event, so every event is checked', async () => {
      const { planId, legacy } = await legacyPlanChangedSince();
      const events = planEvents(app, planId);
      expect(events.map((event) => 'hash' in event.metadata)).toEqual([
        ...Array<boolean>(legacy).fill(false),
        true,
      ]);
      expect(await verifyAuditTrail(app, planId)).toMatchObject({
        valid: true,
        eventsChecked: legacy + 1,
        firstInvalidVersion: null,
      });
    });

    it('catches a legacy event edited afterwards, at the first hashed event', async () => {
      const { planId, legacy } = await legacyPlanChangedSince();
      tamperWithStore(
        app,
        `UPDATE events SET data = json_set(data, '$.title', 'A milder title') WHERE stream = ? AND revision = 0`,
        planStream(planId),
      );
      expect(await verifyAuditTrail(app, planId)).toMatchObject({
        valid: false,
        firstInvalidVersion: legacy + 1,
      });
    });
  });
});
