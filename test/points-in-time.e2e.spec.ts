import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { download } from './support/export-api.js';
import { expectQueryError, HistoryApi, ManualClock, plus } from './support/history-api.js';
import { ACTIONS, THEMES, type ActionView } from './support/plan-api.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/*
 * Defect 4 of issue 15: dates that mean one thing everywhere. The plan is created on 10 May 2024
 * (UK summer time: a day ends at 22:59:59.999Z), 1.1 turns AMBER on the 12th, and it is now
 * 09:00 on the 14th.
 */

const NOW = '2024-05-14T09:00:00.000Z';
const END_OF_12_MAY = '2024-05-12T22:59:59.999Z';

describe('points in time', () => {
  const clock = new ManualClock('2024-05-10T09:00:00.000Z');
  let app: TestApp;
  let api: HistoryApi;
  let planId: string;
  let action: ActionView;

  beforeAll(async () => {
    app = await startTestApp({ clock: clock.clock });
    api = new HistoryApi(app);
    planId = (await api.plans.createPlan()).id;
    const theme = await api.plans.addTheme(planId, THEMES.caseloads);
    action = await api.plans.addAction(planId, theme.id, ACTIONS['1.1']);
    clock.set('2024-05-12T10:00:00.000Z');
    await api.plans.changeRagStatus(action.id, 'AMBER', 'Recruitment under way');
    clock.set(NOW);
  });

  afterAll(async () => {
    await app.close();
  });

  describe('asOf', () => {
    it('takes a plain day as the end of that UK day, for a plan and an action', async () => {
      const plan = (await api.planAt(planId, { asOf: '2024-05-12' }))!;
      expect(plan.asOf).toBe(END_OF_12_MAY);
      expect(plan.actions.map((one) => one.rag)).toEqual(['AMBER']);
      expect((await api.planAt(planId, { asOf: '2024-05-11' }))?.actions.map((one) => one.rag)).toEqual([
        'NOT_RATED',
      ]);
      expect((await api.actionAt(action.id, '2024-05-11'))?.rag).toBe('NOT_RATED');
    });

    it('takes today as now: its end is still to come', async () => {
      const plan = (await api.planAt(planId, { asOf: '2024-05-14' }))!;
      expect(plan.asOf).toBe(NOW);
      expect({ ...plan, asOf: null }).toEqual(await api.planAt(planId));
    });

    it('refuses a point in the future rather than answering with now, naming the argument', async () => {
      for (const asOf of ['2024-05-15', plus(NOW, 1), '2030-01-01T00:00:00Z']) {
        expectQueryError(await api.planAtResponse(planId, { asOf }), {
          code: 'BAD_USER_INPUT',
          field: 'asOf',
        });
      }
      expectQueryError(await api.actionAtResponse(action.id, '2024-05-15'), {
        code: 'BAD_USER_INPUT',
        field: 'asOf',
      });
    });

    it('refuses asOfVersion past the current version', async () => {
      const { version } = (await api.planAt(planId))!;
      expect((await api.planAt(planId, { asOfVersion: version }))?.version).toBe(version);
      const error = expectQueryError(await api.planAtResponse(planId, { asOfVersion: version + 1 }), {
        code: 'BAD_USER_INPUT',
        field: 'asOfVersion',
      });
      expect(error.message).toContain(`version ${version}`);
    });

    it('means the same in the export: a day is its end, the future is refused', async () => {
      const past = await download(app, planId, 'csv', '2024-05-12');
      expect(past.status).toBe(200);
      expect(past.disposition).toMatch(/-as-of-2024-05-12\.csv"$/);
      const future = await download(app, planId, 'csv', '2024-05-15');
      expect(future.status).toBe(400);
      expect(JSON.parse(future.body.toString())).toMatchObject({ code: 'BAD_USER_INPUT', field: 'asOf' });
    });

    it('reads a plain day in a history filter as the end of that day too', async () => {
      const changes = await api.allChanges(planId, { from: '2024-05-11', to: '2024-05-12' });
      expect(changes.map((change) => change.kind)).toEqual(['RAG_CHANGED']);
    });
  });

  describe('planChanges', () => {
    it('answers since a board meeting held today (now), not "the period must not start after it ends"', async () => {
      const today = await api.recordBoardMeeting(planId, '2024-05-14', 'May improvement board');
      const diff = await api.planChanges(planId, { sinceBoardMeeting: today.id });
      expect(diff).toMatchObject({ since: NOW, until: NOW, changes: [], ragMovements: [] });
      expect(diff.sinceBoardMeeting).toEqual(today);
      const upToIt = await api.planChanges(planId, { since: '2024-05-11', untilBoardMeeting: today.id });
      expect(upToIt.until).toBe(NOW);
      expect(upToIt.changes.map((change) => change.kind)).toEqual(['RAG_CHANGED', 'BOARD_MEETING_RECORDED']);
    });

    it('reports since the plan was created when no board meeting had ended by then', async () => {
      const diff = await api.planChanges(planId);
      expect(diff).toMatchObject({ since: '2024-05-10T08:59:59.999Z', until: NOW, sinceBoardMeeting: null });
      expect(diff.changes[0]?.kind).toBe('PLAN_CREATED');
    });

    it.each([
      [{ until: '2024-05-15' }, 'until'],
      [{ since: plus(NOW, 1) }, 'since'],
    ])('refuses a period that ends or starts in the future: %p', async (period, field) =>
      expectQueryError(await api.planChangesResponse(planId, period), { code: 'BAD_USER_INPUT', field }),
    );
  });

  describe('recorded dates', () => {
    it('refuses a board meeting held before the plan existed, recording nothing', async () => {
      await api.plans.rejectsRequest(
        () => api.recordBoardMeetingResponse({ planId, heldOn: '2024-05-09', title: 'Before the plan' }),
        { code: 'BAD_USER_INPUT', field: 'heldOn' },
        planId,
      );
      expect((await api.recordBoardMeeting(planId, '2024-05-10', 'Launch board')).heldOn).toBe('2024-05-10');
    });

    it('refuses an effective date before the inspection the plan answers began (30 October 2023)', async () => {
      const input = { actionId: action.id, text: 'Backdated.', effectiveDate: '2023-10-29' };
      await api.plans.rejects(
        'addProgressNote',
        input,
        { code: 'BAD_USER_INPUT', field: 'effectiveDate' },
        planId,
      );
      const noted = await api.plans.addProgressNote(action.id, 'At the inspection.', {
        effectiveDate: '2023-10-30',
      });
      expect(noted.progressNotes.at(-1)?.effectiveDate).toBe('2023-10-30');
    });
  });
});
