import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { IOW_FILE_NAME, iowText, sendImport } from './support/import-api.js';
import { dataOf, PlanApi, type ActionView } from './support/plan-api.js';
import { startTestApp, TestClock, waitUntil, type TestApp } from './support/test-app.js';

const keyed = (key: string) => ({ 'idempotency-key': key });

const notesOf = (response: { data?: Record<string, unknown> | null }) =>
  (response.data?.addProgressNote as ActionView | undefined)?.progressNotes.map((note) => note.text);

// The key is kept in the events' metadata, so it holds whichever instance, or start, answers.
describe('a resent request across restarts, instances and imports', () => {
  const clock = new TestClock();
  let app: TestApp;
  let api: PlanApi;
  const others: TestApp[] = [];

  beforeAll(async () => {
    app = await startTestApp({ clock: clock.clock });
    api = new PlanApi(app);
  });

  afterAll(async () => {
    await Promise.all(others.map((other) => other.close()));
    await app.close();
  });

  it('is recognised after a restart', async () => {
    const { actions } = await api.seedPlan();
    const input = { actionId: actions['1.1'].id, text: 'Sent just before the restart.' };
    const first = dataOf(await api.send('addProgressNote', input, keyed('before-restart')));
    await app.restart();
    const eventsBefore = app.eventCount();
    expect(dataOf(await api.send('addProgressNote', input, keyed('before-restart')))).toEqual(first);
    expect(app.eventCount()).toBe(eventsBefore);
  });

  it('is recorded once when two instances on one data directory get it at the same moment', async () => {
    const second = await startTestApp({ dataDir: app.dataDir, clock: clock.clock });
    others.push(second);
    const { actions } = await api.seedPlan();
    const input = { actionId: actions['1.2'].id, text: 'Sent to both instances.' };
    // The second instance learns of the new plan by polling the store; only then can it take changes.
    await waitUntil(async () => (await new PlanApi(second).action(input.actionId)) !== null);
    const eventsBefore = app.eventCount();
    const answers = await Promise.all(
      [app, second, app, second].map((instance) =>
        new PlanApi(instance).send('addProgressNote', input, keyed('both-instances')),
      ),
    );
    expect(answers.map(notesOf)).toEqual(Array(4).fill([input.text]));
    expect(app.eventCount()).toBe(eventsBefore + 1);
  });

  it('sent to another instance right after the first answered, is recognised there', async () => {
    const second = await startTestApp({ dataDir: app.dataDir, clock: clock.clock });
    others.push(second);
    const { plan } = await api.seedPlan();
    dataOf(await api.send('approvePlan', { planId: plan.id }, keyed('approve')));
    const eventsBefore = app.eventCount();
    const resent = await new PlanApi(second).send('approvePlan', { planId: plan.id }, keyed('approve'));
    expect(dataOf(resent).approvePlan).toMatchObject({ id: plan.id, status: 'APPROVED' });
    expect(app.eventCount()).toBe(eventsBefore);
  });

  describe('importPlan', () => {
    const file = { fileName: IOW_FILE_NAME, format: 'TEXT', text: iowText(), title: 'Resent import' };

    it('makes one new plan and answers the resend with the first report', async () => {
      const plansBefore = (await api.plans()).length;
      const first = dataOf(await sendImport(app, file, keyed('import-iow'))).importPlan;
      const eventsBefore = app.eventCount();
      const second = dataOf(await sendImport(app, file, keyed('import-iow'))).importPlan;
      expect(second).toEqual(first);
      expect(first).toMatchObject({ created: true, problems: [] });
      expect([app.eventCount(), (await api.plans()).length]).toEqual([eventsBefore, plansBefore + 1]);
    });

    it('into an existing plan, answers the resend with the first report, not "nothing to record"', async () => {
      const { planId } = dataOf(await sendImport(app, file)).importPlan;
      const update = {
        ...file,
        title: null,
        planId,
        text: iowText().replace(/(\n2\.1\t[^\n]*\tMarch 2024\t)G\t/, '$1A\t'),
      };
      const first = dataOf(await sendImport(app, update, keyed('import-may'))).importPlan;
      const eventsBefore = app.eventCount();
      const second = dataOf(await sendImport(app, update, keyed('import-may'))).importPlan;
      expect(first).toMatchObject({
        appendedEvents: 1,
        changes: [{ message: 'Action 2.1: RAG GREEN → AMBER' }],
      });
      expect(second).toEqual(first);
      expect(app.eventCount()).toBe(eventsBefore);
    });
  });
});
