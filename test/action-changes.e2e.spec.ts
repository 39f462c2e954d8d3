import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { ACTIONS, NOTES, PlanApi, type ActionView } from './support/plan-api.js';
import { unsealedEvents } from './support/sealed-events.js';
import { startTestApp, TestClock, type TestApp } from './support/test-app.js';

describe('changes to an action, over HTTP', () => {
  const clock = new TestClock('2024-04-25T09:00:00.000Z');
  let app: TestApp;
  let api: PlanApi;
  let planId: string;
  let action: ActionView;
  let sibling: ActionView;

  beforeAll(async () => {
    app = await startTestApp({ clock: clock.clock });
    api = new PlanApi(app);
  });

  afterAll(async () => {
    await app.close();
  });

  beforeEach(async () => {
    const seeded = await api.seedPlan();
    planId = seeded.plan.id;
    action = seeded.actions['1.1'];
    sibling = seeded.actions['1.2'];
  });

  describe('changeRagStatus', () => {
    it('moves the RAG, bumps the version and recounts the summary; reads see it at once', async () => {
      const before = await api.plan(planId);
      const changed = await api.changeRagStatus(
        action.id,
        'AMBER',
        'Recruitment under way; caseloads falling',
      );
      expect(changed).toMatchObject({ id: action.id, rag: 'AMBER', version: 2 });
      expect(changed.updatedAt > action.updatedAt).toBe(true);
      expect(await api.action(action.id)).toEqual(changed);

      const after = await api.plan(planId);
      expect(after?.version).toBe((before?.version ?? 0) + 1);
      expect(after?.ragSummary).toEqual({ red: 0, amber: 3, green: 1, blue: 0, notRated: 1, total: 5 });
      expect((await api.actions(planId, { rag: 'AMBER' })).map((a) => a.ref)).toEqual(['1.1', '1.2', '1.4']);

      const green = await api.changeRagStatus(action.id, 'GREEN', 'Caseloads at the agreed level');
      expect(green.version).toBe(3);
      expect((await api.plan(planId))?.ragSummary).toMatchObject({ amber: 2, green: 2 });
    });

    it('records the reason and the effective date with the change', async () => {
      await api.changeRagStatus(action.id, 'RED', 'Vacancies rose again', { effectiveDate: '2024-04-23' });
      const stored = unsealedEvents(app).at(-1);
      expect(stored).toMatchObject({
        type: 'RagStatusChanged',
        data: { actionId: action.id, from: 'NOT_RATED', to: 'RED', reason: 'Vacancies rose again' },
        metadata: { effectiveDate: '2024-04-23' },
      });
    });
  });

  describe('addProgressNote', () => {
    it('accumulates notes, keeping each one’s effective date and recording when it was typed in', async () => {
      const recordedFrom = clock.peek();
      const first = await api.addProgressNote(action.id, NOTES.caseloads, { effectiveDate: '2024-04-23' });
      expect(first.version).toBe(2);
      expect(first.progressNotes).toEqual([
        {
          id: expect.any(String),
          text: NOTES.caseloads,
          recordedAt: expect.any(String),
          effectiveDate: '2024-04-23',
          actor: 'Test Admin',
        },
      ]);
      expect(first.progressNotes[0]!.recordedAt >= recordedFrom).toBe(true);
      expect(first.progressNotes[0]!.recordedAt <= clock.peek()).toBe(true);

      const second = await api.addProgressNote(action.id, '  Caseloads reviewed weekly by team managers.  ');
      expect(second.version).toBe(3);
      expect(second.progressNotes.map((note) => [note.text, note.effectiveDate])).toEqual([
        [NOTES.caseloads, '2024-04-23'],
        ['Caseloads reviewed weekly by team managers.', null],
      ]);
      expect(second.progressNotes[1]!.recordedAt > second.progressNotes[0]!.recordedAt).toBe(true);
      expect(await api.action(action.id)).toEqual(second);
    });
  });

  describe('assignActionOwners', () => {
    it('replaces the owners (normalising spaces, dropping repeats) and can leave none', async () => {
      const changed = await api.assignActionOwners(action.id, [
        'Service Director',
        'Service  Manager   Strategic Development',
        'service director',
      ]);
      expect(changed).toMatchObject({
        owners: ['Service Director', 'Service Manager Strategic Development'],
        version: 2,
      });
      expect((await api.actions(planId, { owner: 'Team Managers' })).map((a) => a.ref)).toEqual(['1.2']);

      const unowned = await api.assignActionOwners(action.id, []);
      expect(unowned.owners).toEqual([]);
      expect((await api.actions(planId, { unassigned: true })).map((a) => a.ref)).toEqual(['1.1', '4.3']);
    });
  });

  describe('rescheduleAction', () => {
    it('sets a due-by date, keeps an omitted date and clears a null one', async () => {
      const due = await api.rescheduleAction(action.id, { dueBy: '2024-07-31' }, 'Agreed at the April board');
      expect(due).toMatchObject({ commencing: '2023-12', dueBy: '2024-07-31', version: 2 });

      const moved = await api.rescheduleAction(action.id, { commencing: '2024-01' }, 'Started in January');
      expect(moved).toMatchObject({ commencing: '2024-01', dueBy: '2024-07-31', version: 3 });

      const cleared = await api.rescheduleAction(action.id, { commencing: null }, 'Ongoing priority');
      expect(cleared).toMatchObject({ commencing: null, dueBy: '2024-07-31', version: 4 });
      expect(await api.action(action.id)).toEqual(cleared);
    });

    it('accepts a day inside the month the action is due by', async () => {
      const changed = await api.rescheduleAction(
        action.id,
        { commencing: '2024-04-15', dueBy: '2024-04' },
        'Short, focused piece of work',
      );
      expect(changed).toMatchObject({ commencing: '2024-04-15', dueBy: '2024-04' });
    });
  });

  describe('reviseActionDescription', () => {
    it('replaces the description, trimmed, and keeps everything else', async () => {
      const description = `${ACTIONS['1.1'].description} Caseloads to be reviewed weekly by team managers.`;
      const changed = await api.reviseActionDescription(
        action.id,
        `  ${description}\n`,
        'Board asked for more',
      );
      expect(changed).toEqual({
        ...action,
        description,
        version: 2,
        updatedAt: expect.any(String),
      });
      expect(await api.action(action.id)).toEqual(changed);
    });
  });

  describe('withdrawAction', () => {
    it('takes the action out of the plan but keeps it visible by id and on request', async () => {
      await api.changeRagStatus(action.id, 'AMBER', 'Recruitment under way');
      const withdrawn = await api.withdrawAction(action.id, 'Merged into 9.1 (workforce strategy)');
      expect(withdrawn).toMatchObject({ id: action.id, withdrawn: true, rag: 'AMBER', version: 3 });
      expect(await api.action(action.id)).toEqual(withdrawn);

      expect((await api.actions(planId)).map((a) => a.ref)).toEqual(['1.2', '1.4', '2.1', '4.3']);
      expect((await api.actions(planId, { rag: 'AMBER' })).map((a) => a.ref)).toEqual(['1.2', '1.4']);
      const all = await api.actions(planId, { includeWithdrawn: true });
      expect(all.map((a) => [a.ref, a.withdrawn])).toEqual([
        ['1.1', true],
        ['1.2', false],
        ['1.4', false],
        ['2.1', false],
        ['4.3', false],
      ]);
      expect((await api.plan(planId))?.ragSummary).toEqual({
        red: 0,
        amber: 2,
        green: 1,
        blue: 0,
        notRated: 1,
        total: 4,
      });
      const { plan } = await api.query<{ plan: { themes: { actions: { ref: string }[] }[] } }>(
        'query ($id: ID!) { plan(id: $id) { themes { actions { ref } } } }',
        { id: planId },
      );
      expect(plan.themes[0]?.actions.map((a) => a.ref)).toEqual(['1.2', '1.4']);
    });

    it('refuses every later change to the withdrawn action, recording nothing', async () => {
      await api.withdrawAction(action.id, 'Duplicate of 9.1');
      const actionId = action.id;
      const conflict = { code: 'CONFLICT', field: 'actionId' };
      await api.rejects('changeRagStatus', { actionId, rag: 'GREEN', reason: 'Done' }, conflict, planId);
      await api.rejects('addProgressNote', { actionId, text: 'More progress.' }, conflict, planId);
      await api.rejects('assignActionOwners', { actionId, owners: ['Lead IRO'] }, conflict, planId);
      await api.rejects(
        'rescheduleAction',
        { actionId, dueBy: '2024-12', reason: 'Later' },
        conflict,
        planId,
      );
      await api.rejects(
        'reviseActionDescription',
        { actionId, description: 'Something else.', reason: 'Rewrite' },
        conflict,
        planId,
      );
      await api.rejects('withdrawAction', { actionId, reason: 'Again' }, conflict, planId);
    });
  });

  describe('expectedVersion', () => {
    it('accepts the version the user saw and refuses a stale one with CONFLICT, recording nothing', async () => {
      const amber = await api.changeRagStatus(action.id, 'AMBER', 'Under way', { expectedVersion: 1 });
      expect(amber.version).toBe(2);
      const error = await api.rejects(
        'changeRagStatus',
        { actionId: action.id, rag: 'GREEN', reason: 'Done', expectedVersion: 1 },
        { code: 'CONFLICT', field: 'expectedVersion' },
        planId,
      );
      expect(error.message).toMatch(/changed since/);
      await api.rejects(
        'addProgressNote',
        { actionId: action.id, text: 'A note typed on an old screen.', expectedVersion: 1 },
        { code: 'CONFLICT', field: 'expectedVersion' },
        planId,
      );
      expect((await api.action(action.id))?.rag).toBe('AMBER');
    });

    it('is not made stale by a change to another action of the same plan', async () => {
      await api.changeRagStatus(sibling.id, 'GREEN', 'Workshops delivered');
      await api.addProgressNote(sibling.id, NOTES.workshops);
      const changed = await api.changeRagStatus(action.id, 'AMBER', 'Under way', {
        expectedVersion: action.version,
      });
      expect(changed.version).toBe(action.version + 1);
      const noted = await api.addProgressNote(action.id, NOTES.caseloads, {
        expectedVersion: changed.version,
      });
      expect(noted.version).toBe(changed.version + 1);
    });
  });
});
