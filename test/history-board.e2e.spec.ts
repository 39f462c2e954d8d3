import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  expectQueryError,
  HistoryApi,
  ManualClock,
  type BoardMeetingView,
  type PlanDiffView,
} from './support/history-api.js';
import { recordBoardStory } from './support/history-stories.js';
import { ACTIONS, NOTES, THEME_1_ACTIONS } from './support/plan-api.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
/** The board meetings' days end at 23:59:59.999 UK summer time (BST, UTC+1). */
const END_OF_APRIL_BOARD_DAY = '2024-04-09T22:59:59.999Z';
const END_OF_MAY_BOARD_DAY = '2024-05-14T22:59:59.999Z';
const NONE = { red: 0, amber: 0, green: 0, blue: 0, notRated: 0, total: 0 };

const refs = (actions: readonly { ref: string }[]) => actions.map((action) => action.ref);
const changeList = (diff: PlanDiffView) =>
  diff.changes.map((change) => [change.kind, change.actionRef, change.to].filter(Boolean).join(' '));

describe('board reporting: what changed since the last board', () => {
  const clock = new ManualClock('2024-04-01T08:00:00.000Z');
  let app: TestApp;
  let api: HistoryApi;
  let planId: string;
  let april: BoardMeetingView;
  let may: BoardMeetingView;

  beforeAll(async () => {
    app = await startTestApp({ clock: clock.clock });
    api = new HistoryApi(app);
    ({
      planId,
      meetings: { april, may },
    } = await recordBoardStory(api, clock));
  });

  afterAll(async () => {
    await app.close();
  });

  it('shows the plan as at the April board: its whole UK day, in summer time', async () => {
    const plan = (await api.planAt(planId, { asOfBoardMeeting: april.id }))!;
    expect(plan.asOf).toBe(END_OF_APRIL_BOARD_DAY);
    expect(plan.actions.map((action) => `${action.ref} ${action.rag}`)).toEqual([
      '1.1 NOT_RATED',
      '1.2 RED',
      '1.4 AMBER',
      '2.1 GREEN',
    ]);
  });

  it('diffs the plan between two board meetings: movements, new and withdrawn actions, edits, notes', async () => {
    const diff = await api.planChanges(planId, { sinceBoardMeeting: april.id, until: END_OF_MAY_BOARD_DAY });
    expect(diff).toMatchObject({ planId, since: END_OF_APRIL_BOARD_DAY, until: END_OF_MAY_BOARD_DAY });
    expect(diff.sinceBoardMeeting).toEqual(april);
    expect(
      diff.netRagChanges.map(({ action, from, to, direction, reasons }) => ({
        ref: action.ref,
        from,
        to,
        direction,
        reasons,
      })),
    ).toEqual([
      {
        ref: '1.1',
        from: 'NOT_RATED',
        to: 'GREEN',
        direction: 'FIRST_RATED',
        reasons: ['Recruitment started', 'Agreed at the May board'],
      },
      { ref: '1.2', from: 'RED', to: 'GREEN', direction: 'IMPROVED', reasons: ['Workshops held'] },
    ]);
    // Every movement, 1.4's RED and back to AMBER too, though it nets to nothing.
    expect(diff.ragMovements.map(({ action, from, to, reason }) => [action.ref, from, to, reason])).toEqual([
      ['1.1', 'NOT_RATED', 'AMBER', 'Recruitment started'],
      ['1.4', 'AMBER', 'RED', 'Audits paused'],
      ['1.2', 'RED', 'GREEN', 'Workshops held'],
      ['1.4', 'RED', 'AMBER', 'Audits resumed'],
      ['1.1', 'AMBER', 'GREEN', 'Agreed at the May board'],
    ]);
    expect(refs(diff.addedActions)).toEqual(['1.5']);
    expect(refs(diff.withdrawnActions)).toEqual(['1.4']);
    expect(diff.ownerChanges.map(({ action, from, to }) => [action.ref, from, to])).toEqual([
      ['2.1', ['Service Manager Operations'], ['Service Manager Operations', 'Lead IRO']],
    ]);
    expect(diff.scheduleChanges.map(({ action, from, to }) => [action.ref, from, to])).toEqual([
      ['1.1', { commencing: '2023-12', dueBy: null }, { commencing: '2023-12', dueBy: '2024-09' }],
    ]);
    expect(diff.descriptionChanges.map(({ action, from, to }) => [action.ref, from, to])).toEqual([
      ['2.1', ACTIONS['2.1'].description, 'Embed the revised PLO framework.'],
    ]);
    expect(
      diff.newProgressNotes.map(({ action, note }) => [action.ref, note.text, note.effectiveDate]),
    ).toEqual([
      ['1.1', NOTES.caseloads, '2024-04-19'],
      ['1.5', 'SLA drafted with MASH partners.', null],
    ]);
    expect(diff.ragSummaryBefore).toEqual({ ...NONE, red: 1, amber: 1, green: 1, notRated: 1, total: 4 });
    expect(diff.ragSummaryAfter).toEqual({ ...NONE, green: 3, notRated: 1, total: 4 });
  });

  it('lists every change of the period in order, including steps that cancel out', async () => {
    const diff = await api.planChanges(planId, { sinceBoardMeeting: april.id, until: END_OF_MAY_BOARD_DAY });
    expect(changeList(diff)).toEqual([
      'RAG_CHANGED 1.1 AMBER',
      'RAG_CHANGED 1.4 RED',
      'RAG_CHANGED 1.2 GREEN',
      'OWNERS_ASSIGNED 2.1 Service Manager Operations; Lead IRO',
      'RESCHEDULED 1.1 commencing 2023-12, due by 2024-09',
      'DESCRIPTION_REVISED 2.1 Embed the revised PLO framework.',
      'RAG_CHANGED 1.4 AMBER',
      `ACTION_ADDED 1.5 ${THEME_1_ACTIONS[4]!.description}`,
      'PROGRESS_NOTE_ADDED 1.5 SLA drafted with MASH partners.',
      `PROGRESS_NOTE_ADDED 1.1 ${NOTES.caseloads}`,
      'ACTION_WITHDRAWN 1.4 WITHDRAWN',
      'BOARD_MEETING_RECORDED May board (2024-05-14)',
      'RAG_CHANGED 1.1 GREEN',
    ]);
  });

  it('with no since, reports since the latest board meeting up to now', async () => {
    const diff = await api.planChanges(planId);
    expect(diff).toMatchObject({ since: END_OF_MAY_BOARD_DAY, until: '2024-05-21T09:00:00.000Z' });
    expect(diff.sinceBoardMeeting).toEqual(may);
    expect(diff.ragMovements.map(({ action, direction, reason }) => [action.ref, direction, reason])).toEqual(
      [['1.2', 'IMPROVED', 'Embedded']],
    );
    expect(changeList(diff)).toEqual(['RAG_CHANGED 1.2 BLUE', 'PROGRESS_NOTE_ADDED 1.5 SLA signed.']);
  });

  it('takes the latest board whose day has ended by `until`', async () => {
    const diff = await api.planChanges(planId, { until: '2024-05-14T21:00:00Z' });
    expect(diff.sinceBoardMeeting?.id).toBe(april.id);
    expect(diff.since).toBe(END_OF_APRIL_BOARD_DAY);
  });

  it('diffs from an explicit instant, treating a plan that did not exist then as all new', async () => {
    const diff = await api.planChanges(planId, {
      since: '2024-03-01T00:00:00Z',
      until: '2024-04-01T12:00:00Z',
    });
    expect(diff.sinceBoardMeeting).toBeNull();
    expect(refs(diff.addedActions)).toEqual(['1.1', '1.2', '1.4', '2.1']);
    expect(diff.ragSummaryBefore).toEqual(NONE);
    expect(diff.ragSummaryAfter).toEqual({ ...NONE, amber: 2, green: 1, notRated: 1, total: 4 });
  });

  it('reports since the plan was created for a plan that has had no board meeting, as the board pack does', async () => {
    const other = await api.plans.createPlan({ title: 'Plan with no board yet' });
    const diff = await api.planChanges(other.id);
    expect(diff).toMatchObject({ since: '2024-05-21T08:59:59.999Z', until: '2024-05-21T09:00:00.000Z' });
    expect(diff.sinceBoardMeeting).toBeNull();
    expect(changeList(diff)).toEqual(['PLAN_CREATED Plan with no board yet']);
  });

  it('rejects a board meeting that has not been held yet by the app clock, recording nothing', async () => {
    const other = await api.plans.createPlan({ title: 'Plan with a future board' });
    await api.plans.rejectsRequest(
      () => api.recordBoardMeetingResponse({ planId: other.id, heldOn: '2024-05-22', title: 'Next board' }),
      { code: 'BAD_USER_INPUT', field: 'heldOn' },
      other.id,
    );
  });

  it('rejects both since and sinceBoardMeeting, since after until, an unknown meeting and an unknown plan', async () => {
    const cases = [
      [{ since: '2024-04-01T00:00:00Z', sinceBoardMeeting: april.id }, 'BAD_USER_INPUT', 'sinceBoardMeeting'],
      [{ since: '2024-05-01T00:00:00Z', until: '2024-04-01T00:00:00Z' }, 'BAD_USER_INPUT', 'since'],
      [{ sinceBoardMeeting: UNKNOWN_ID }, 'NOT_FOUND', 'sinceBoardMeeting'],
      [{ since: '2024-01-01T00:00:00Z', until: '2024-02-01T00:00:00Z' }, 'NOT_FOUND', 'until'],
    ] as const;
    for (const [args, code, field] of cases) {
      expectQueryError(await api.planChangesResponse(planId, args), { code, field });
    }
    expectQueryError(await api.planChangesResponse(UNKNOWN_ID, {}), { code: 'NOT_FOUND', field: 'planId' });
  });
});
