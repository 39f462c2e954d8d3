import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { withActorNames } from './support/actor-names.js';
import { expectQueryError, HistoryApi, ManualClock } from './support/history-api.js';
import { ACTIONS, dataOf, THEMES } from './support/plan-api.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/*
 * Effective dates are first-class: "what did we know on the 25th about the position on the 23rd?"
 * The plan is created on 1 April 2024 with 1.1 AMBER. The April board on the 23rd agreed 1.1 was
 * GREEN; it was typed in on the 25th, effective the 23rd. On the 26th 1.1 went BLUE (no effective
 * date: it took effect the day it was recorded). It is now the 27th.
 */

const PLAN_IN_EFFECT = `query ($id: ID!, $effectiveOn: Date, $asOf: DateTime) {
  plan(id: $id, effectiveOn: $effectiveOn, asOf: $asOf) {
    asOf
    effectiveOn
    version
    actions { ref rag progressNotes { text effectiveDate } }
  }
}`;

interface PlanInEffect {
  asOf: string | null;
  effectiveOn: string | null;
  version: number;
  actions: { ref: string; rag: string; progressNotes: { text: string; effectiveDate: string | null }[] }[];
}

const AGREED = 'Caseloads at 18 for three months: agreed at the April board.';

describe('the plan in effect on a day (bitemporal)', () => {
  const clock = new ManualClock('2024-04-01T09:00:00.000Z');
  let app: TestApp;
  let api: HistoryApi;
  let planId: string;

  const inEffect = (variables: { effectiveOn?: string; asOf?: string }, headers?: Record<string, string>) =>
    withActorNames(app).graphql<{ plan: PlanInEffect | null }>(
      PLAN_IN_EFFECT,
      { id: planId, ...variables },
      headers,
    );
  const rags = async (variables: { effectiveOn?: string; asOf?: string }) =>
    dataOf(await inEffect(variables)).plan?.actions.map((action) => `${action.ref} ${action.rag}`);

  beforeAll(async () => {
    app = await startTestApp({ clock: clock.clock });
    api = new HistoryApi(app);
    planId = (await api.plans.createPlan()).id;
    const theme = await api.plans.addTheme(planId, THEMES.caseloads);
    const action = await api.plans.addAction(planId, theme.id, { ...ACTIONS['1.1'], rag: 'AMBER' });
    clock.set('2024-04-25T10:00:00.000Z');
    const update = `mutation ($input: RecordActionUpdateInput!) { recordActionUpdate(input: $input) { version } }`;
    const input = {
      actionId: action.id,
      rag: 'GREEN',
      reason: 'Agreed at the board',
      note: AGREED,
      effectiveDate: '2024-04-23',
    };
    dataOf(await app.graphql(update, { input }));
    clock.set('2024-04-26T10:00:00.000Z');
    await api.plans.changeRagStatus(action.id, 'BLUE', 'Embedded');
    clock.set('2024-04-27T09:00:00.000Z');
  });

  afterAll(async () => {
    await app.close();
  });

  it('answers by what had been recorded by asOf: on the 24th nobody knew 1.1 was green on the 23rd', async () => {
    const known24th = dataOf(await inEffect({ effectiveOn: '2024-04-23', asOf: '2024-04-24' })).plan!;
    expect(known24th).toMatchObject({ asOf: '2024-04-24T22:59:59.999Z', effectiveOn: '2024-04-23' });
    expect(known24th.actions).toEqual([{ ref: '1.1', rag: 'AMBER', progressNotes: [] }]);
    const known25th = dataOf(await inEffect({ effectiveOn: '2024-04-23', asOf: '2024-04-25' })).plan!;
    expect(known25th.actions).toEqual([
      { ref: '1.1', rag: 'GREEN', progressNotes: [{ text: AGREED, effectiveDate: '2024-04-23' }] },
    ]);
  });

  it('leaves out what took effect after the day, by default as recorded now', async () => {
    expect(dataOf(await inEffect({ effectiveOn: '2024-04-23' })).plan).toMatchObject({
      asOf: null,
      effectiveOn: '2024-04-23',
    });
    expect(await rags({ effectiveOn: '2024-04-22' })).toEqual(['1.1 AMBER']);
    expect(await rags({ effectiveOn: '2024-04-23' })).toEqual(['1.1 GREEN']);
    expect(await rags({ effectiveOn: '2024-04-25' })).toEqual(['1.1 GREEN']);
    expect(await rags({ effectiveOn: '2024-04-26' })).toEqual(['1.1 BLUE']);
  });

  it('gives NOT_FOUND before the plan was in effect, and refuses a day after today', async () => {
    expectQueryError(await inEffect({ effectiveOn: '2024-03-31' }), {
      code: 'NOT_FOUND',
      field: 'effectiveOn',
    });
    expectQueryError(await inEffect({ effectiveOn: '2024-04-23', asOf: '2024-03-31' }), {
      code: 'NOT_FOUND',
      field: 'asOf',
    });
    expectQueryError(await inEffect({ effectiveOn: '2024-04-28' }), {
      code: 'BAD_USER_INPUT',
      field: 'effectiveOn',
    });
  });

  it('is time travel: auditors and admins only', async () => {
    const viewer = await app.tokenFor({ name: 'A viewer', roles: ['VIEWER'] });
    const auditor = await app.tokenFor({ name: 'An auditor', roles: ['AUDITOR'] });
    const asked = { effectiveOn: '2024-04-23' };
    expectQueryError(await inEffect(asked, { authorization: `Bearer ${viewer}` }), { code: 'FORBIDDEN' });
    expect(dataOf(await inEffect(asked, { authorization: `Bearer ${auditor}` })).plan?.effectiveOn).toBe(
      '2024-04-23',
    );
  });

  describe('planHistory by effective date', () => {
    const kinds = async (filter: Record<string, unknown>) =>
      (await api.allChanges(planId, filter)).map(
        (change) => `${change.kind} ${change.effectiveDate ?? change.recordedAt}`,
      );

    it('keeps the changes that took effect within the days, whenever they were recorded', async () => {
      expect(await kinds({ effectiveFrom: '2024-04-23', effectiveTo: '2024-04-23' })).toEqual([
        'RAG_CHANGED 2024-04-23',
        'PROGRESS_NOTE_ADDED 2024-04-23',
      ]);
      expect(await kinds({ effectiveFrom: '2024-04-24' })).toEqual(['RAG_CHANGED 2024-04-26T10:00:00.000Z']);
    });

    it('combines the effective days with the recorded period', async () => {
      expect(await kinds({ effectiveTo: '2024-04-23', from: '2024-04-24' })).toEqual([
        'RAG_CHANGED 2024-04-23',
        'PROGRESS_NOTE_ADDED 2024-04-23',
      ]);
      expect(await kinds({ effectiveTo: '2024-04-23', to: '2024-04-24' })).toEqual([
        'PLAN_CREATED 2024-04-01T09:00:00.000Z',
        'THEME_ADDED 2024-04-01T09:00:00.000Z',
        'ACTION_ADDED 2024-04-01T09:00:00.000Z',
      ]);
    });

    it('refuses effective days that end before they start', async () =>
      expectQueryError(
        await api.planHistoryResponse(planId, {
          filter: { effectiveFrom: '2024-04-24', effectiveTo: '2024-04-23' },
        }),
        { code: 'BAD_USER_INPUT', field: 'filter.effectiveTo' },
      ));
  });

  describe('a plan entered today that took effect in January', () => {
    let entered: string;

    beforeAll(async () => {
      const since = { effectiveDate: '2024-01-15' };
      entered = (await api.plans.createPlan({ title: 'Plan approved in January', ...since })).id;
      const theme = await api.plans.addTheme(entered, { ...THEMES.caseloads, ...since });
      const action = await api.plans.addAction(entered, theme.id, {
        ...ACTIONS['1.1'],
        rag: 'AMBER',
        ...since,
      });
      await api.plans.changeRagStatus(action.id, 'GREEN', 'Agreed at the board', {
        effectiveDate: '2024-04-23',
      });
    });

    it('is in effect from that day, with what was recorded as effective since', async () => {
      const on = async (effectiveOn: string) =>
        dataOf(
          await withActorNames(app).graphql<{ plan: PlanInEffect }>(PLAN_IN_EFFECT, {
            id: entered,
            effectiveOn,
          }),
        ).plan.actions.map((action) => `${action.ref} ${action.rag}`);
      expect(await on('2024-01-15')).toEqual(['1.1 AMBER']);
      expect(await on('2024-04-22')).toEqual(['1.1 AMBER']);
      expect(await on('2024-04-23')).toEqual(['1.1 GREEN']);
      expectQueryError(
        await withActorNames(app).graphql(PLAN_IN_EFFECT, { id: entered, effectiveOn: '2024-01-14' }),
        {
          code: 'NOT_FOUND',
          field: 'effectiveOn',
        },
      );
    });

    it('takes a board meeting held since that day, not before it', async () => {
      expect((await api.recordBoardMeeting(entered, '2024-02-20', 'February board')).heldOn).toBe(
        '2024-02-20',
      );
      await api.plans.rejectsRequest(
        () => api.recordBoardMeetingResponse({ planId: entered, heldOn: '2024-01-14', title: 'Too early' }),
        { code: 'BAD_USER_INPUT', field: 'heldOn' },
        entered,
      );
    });
  });
});
