import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { NOTES, PlanApi } from './support/plan-api.js';
import { startTestApp, TestClock, type TestApp } from './support/test-app.js';

describe('a restart on the same store file', () => {
  let app: TestApp;
  let api: PlanApi;

  beforeAll(async () => {
    app = await startTestApp({ clock: new TestClock().clock });
    api = new PlanApi(app);
  });

  afterAll(async () => {
    await app.close();
  });

  /** A plan as it might stand after the April board: every kind of change has happened to it. */
  async function planAfterTheAprilBoard() {
    const { plan, actions } = await api.seedPlan();
    await api.approvePlan(plan.id);
    await api.changeRagStatus(actions['1.1'].id, 'AMBER', 'New staff joined since December', {
      effectiveDate: '2024-04-23',
    });
    await api.addProgressNote(actions['1.1'].id, NOTES.caseloads, { effectiveDate: '2024-04-23' });
    await api.addProgressNote(actions['1.2'].id, NOTES.workshops);
    await api.assignActionOwners(actions['4.3'].id, ['Service Manager Children in Care', 'Lead IRO']);
    await api.rescheduleAction(actions['1.4'].id, { dueBy: '2024-09' }, 'Audit timetable agreed');
    await api.reviseActionDescription(
      actions['2.1'].id,
      'A revised Pre-Proceedings Framework is available to staff in the Children’s Toolkit.',
      'Now in place',
    );
    await api.withdrawAction(actions['1.2'].id, 'Merged into 1.4');
    return { plan, actions };
  }

  it('answers exactly as before: state is rebuilt from the events, nothing lost', async () => {
    const { plan, actions } = await planAfterTheAprilBoard();
    const before = {
      full: await api.fullPlan(plan.id),
      plans: await api.plans(),
      withdrawn: await api.action(actions['1.2'].id),
    };
    const eventsBefore = app.eventCount();
    const urlBefore = app.url;

    await app.restart();

    expect(app.url).not.toBe(urlBefore);
    expect((await fetch(`${app.url}/health/ready`)).status).toBe(200);
    expect(await api.fullPlan(plan.id)).toEqual(before.full);
    expect(await api.plans()).toEqual(before.plans);
    expect(await api.action(actions['1.2'].id)).toEqual(before.withdrawn);
    expect(app.eventCount()).toBe(eventsBefore);
  });

  it('carries on after a restart: versions continue and the rules still hold', async () => {
    const { plan, actions } = await planAfterTheAprilBoard();
    const planBefore = await api.plan(plan.id);
    const actionBefore = await api.action(actions['1.1'].id);

    await app.restart();

    const changed = await api.changeRagStatus(actions['1.1'].id, 'GREEN', 'Caseloads at the agreed level', {
      expectedVersion: actionBefore?.version,
    });
    expect(changed.version).toBe((actionBefore?.version ?? 0) + 1);
    expect(changed.progressNotes).toEqual(actionBefore?.progressNotes);
    const planAfter = await api.plan(plan.id);
    expect(planAfter?.version).toBe((planBefore?.version ?? 0) + 1);
    expect(planAfter?.ragSummary).toMatchObject({ amber: 1, green: 2, total: 4 });

    await api.rejects(
      'addProgressNote',
      { actionId: actions['1.2'].id, text: 'After the restart.' },
      { code: 'CONFLICT', field: 'actionId' },
      plan.id,
    );
    await api.rejects('approvePlan', { planId: plan.id }, { code: 'CONFLICT', field: 'planId' }, plan.id);
    const revisions = app
      .storedEvents()
      .filter((event) => event.stream.endsWith(plan.id))
      .map((event) => event.revision);
    expect(revisions).toEqual(revisions.map((_, index) => index));
  });

  it('keeps plans created after one restart through the next', async () => {
    await app.restart();
    const { plan } = await planAfterTheAprilBoard();
    const full = await api.fullPlan(plan.id);
    await app.restart();
    await app.restart();
    expect(await api.fullPlan(plan.id)).toEqual(full);
  });
});

describe('a test app on a data directory the caller owns', () => {
  it('starts a second app on the first one’s directory, which sees the same plans', async () => {
    const first = await startTestApp();
    try {
      const plan = await new PlanApi(first).createPlan();
      await first.restart();
      const second = await startTestApp({ dataDir: first.dataDir });
      await second.close(); // leaves the directory: the caller owns it
      expect(await new PlanApi(first).plan(plan.id)).toMatchObject({ id: plan.id, version: 1 });
      const third = await startTestApp({ dataDir: first.dataDir });
      try {
        expect(await new PlanApi(third).plan(plan.id)).toEqual(await new PlanApi(first).plan(plan.id));
      } finally {
        await third.close();
      }
    } finally {
      await first.close();
    }
  });
});
