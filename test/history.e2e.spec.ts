import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  DAY,
  expectQueryError,
  HistoryApi,
  HOUR,
  ManualClock,
  MINUTE,
  plus,
  type BoardMeetingView,
  type PlanAtView,
} from './support/history-api.js';
import { ACTIONS, NOTES, THEMES, type ActionView } from './support/plan-api.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** What the live query answered just after a change, and when that change was recorded. */
interface LiveAnswer {
  readonly at: string;
  readonly live: PlanAtView;
}

/** The answer as recorded at an instant is the live answer after the last change recorded by then. */
const liveAnswerAt = (answers: readonly LiveAnswer[], instant: string) =>
  answers.filter((answer) => answer.at <= instant).at(-1);

describe('time travel: the plan as recorded at a past instant, version or board meeting', () => {
  const clock = new ManualClock('2024-03-01T09:00:00.000Z');
  let app: TestApp;
  let api: HistoryApi;
  const answers: LiveAnswer[] = [];
  let planId: string;
  let meeting: BoardMeetingView;
  const actions: Record<string, ActionView> = {};

  /** Moves the clock on, makes one change (one event) and records what the live query says then. */
  async function step<T>(pause: number, change: () => Promise<T>): Promise<T> {
    clock.advance(pause);
    const result = await change();
    answers.push({ at: clock.now(), live: (await api.planAt(planId))! });
    return result;
  }

  beforeAll(async () => {
    app = await startTestApp({ clock: clock.clock });
    api = new HistoryApi(app);
    const plans = api.plans;
    await step(0, async () => {
      planId = (await plans.createPlan()).id;
    });
    const theme = await step(5 * MINUTE, () => plans.addTheme(planId, THEMES.caseloads));
    actions['1.1'] = await step(5 * MINUTE, () => plans.addAction(planId, theme.id, ACTIONS['1.1']));
    actions['1.2'] = await step(5 * MINUTE, () => plans.addAction(planId, theme.id, ACTIONS['1.2']));
    const [a11, a12] = [actions['1.1'].id, actions['1.2'].id];
    await step(DAY, () =>
      plans.changeRagStatus(a11, 'RED', 'Two social workers left', { effectiveDate: '2024-03-01' }),
    );
    // Recorded at the same instant as the RAG change before it.
    await step(0, () => plans.addProgressNote(a12, NOTES.workshops));
    await step(2 * HOUR, () => plans.assignActionOwners(a11, ['Lead IRO', 'Team Managers']));
    await step(DAY, () => plans.rescheduleAction(a12, { dueBy: '2024-06' }, 'Workshops moved to June'));
    await step(3 * HOUR, () => plans.reviseActionDescription(a11, 'Reduce caseloads to 18.', 'Board asked'));
    meeting = await step(DAY, () => api.recordBoardMeeting(planId, '2024-03-04', 'March improvement board'));
    await step(HOUR, () => plans.changeRagStatus(a11, 'AMBER', 'Agency staff started'));
    actions['1.4'] = await step(DAY, () =>
      plans.addAction(planId, theme.id, { ...ACTIONS['1.4'], rag: 'GREEN' }),
    );
    await step(10 * MINUTE, () => plans.withdrawAction(a12, 'Merged into 1.4'));
    await step(HOUR, () => plans.approvePlan(planId));
  });

  afterAll(async () => {
    await app.close();
  });

  const first = () => answers[0]!;
  const last = () => answers.at(-1)!;

  it('records one event per change, at the instants the clock gave', () => {
    expect(answers.map((answer) => answer.live.version)).toEqual(answers.map((_answer, index) => index + 1));
    expect(first().at).toBe('2024-03-01T09:00:00.000Z');
    expect(last().at).toBe('2024-03-05T16:25:00.000Z');
    expect(last().live.updatedAt).toBe(last().at);
  });

  it('answers plan(asOf) at each change and between changes exactly as the live query did then', async () => {
    const instants = new Set<string>();
    answers.forEach(({ at }, index) => {
      instants.add(at);
      instants.add(plus(at, -1));
      const next = answers[index + 1];
      if (next && next.at !== at) instants.add(plus(at, (Date.parse(next.at) - Date.parse(at)) / 2));
    });
    const checked = [...instants].sort().filter((instant) => instant >= first().at);
    expect(checked.length).toBeGreaterThan(2 * answers.length);

    const actual = await Promise.all(
      checked.map(async (instant) => {
        const plan = (await api.planAt(planId, { asOf: instant }))!;
        return { instant, asOf: plan.asOf, plan: { ...plan, asOf: null } };
      }),
    );
    expect(actual).toEqual(
      checked.map((instant) => ({ instant, asOf: instant, plan: liveAnswerAt(answers, instant)!.live })),
    );
  });

  it('includes every change recorded at exactly the instant asked for', async () => {
    const sameInstant = answers[5]!;
    expect(answers[4]!.at).toBe(sameInstant.at);
    const plan = (await api.planAt(planId, { asOf: sameInstant.at }))!;
    const byRef = new Map(plan.actions.map((action) => [action.ref, action]));
    expect(byRef.get('1.1')?.rag).toBe('RED');
    expect(byRef.get('1.2')?.progressNotes.map((note) => note.text)).toEqual([NOTES.workshops]);
  });

  it('gives NOT_FOUND for an instant before the plan existed, not an empty plan', async () => {
    const error = expectQueryError(await api.planAtResponse(planId, { asOf: plus(first().at, -1) }), {
      code: 'NOT_FOUND',
      field: 'asOf',
    });
    expect(error.message).toContain('2024-03-01T08:59:59.999Z');
    expectQueryError(await api.planAtResponse(planId, { asOf: '2023-01-01T00:00:00Z' }), {
      code: 'NOT_FOUND',
      field: 'asOf',
    });
  });

  it('refuses an instant in the future rather than answering with the current plan', async () => {
    const error = expectQueryError(await api.planAtResponse(planId, { asOf: '2030-01-01T00:00:00.000Z' }), {
      code: 'BAD_USER_INPUT',
      field: 'asOf',
    });
    expect(error.message).toContain('in the future');
    expectQueryError(await api.planAtResponse(planId, { asOf: plus(clock.now(), 1) }), {
      code: 'BAD_USER_INPUT',
      field: 'asOf',
    });
    expect({ ...(await api.planAt(planId, { asOf: clock.now() }))!, asOf: null }).toEqual(last().live);
  });

  it('reads an instant written with an offset as the same instant', async () => {
    const answer = answers[6]!;
    expect(answer.at).toBe('2024-03-02T11:15:00.000Z');
    const plan = (await api.planAt(planId, { asOf: '2024-03-02T12:15:00+01:00' }))!;
    expect(plan.asOf).toBe(answer.at);
    expect({ ...plan, asOf: null }).toEqual(answer.live);
  });

  it('answers plan(asOfVersion) with the plan after that many events, as recorded then', async () => {
    const actual = await Promise.all(
      answers.map(async (_answer, index) => api.planAt(planId, { asOfVersion: index + 1 })),
    );
    expect(actual).toEqual(answers.map(({ at, live }) => ({ ...live, asOf: at })));
  });

  it('refuses a version beyond the current one, and version 0', async () => {
    expect(await api.planAt(planId, { asOfVersion: last().live.version })).toEqual({
      ...last().live,
      asOf: last().at,
    });
    for (const asOfVersion of [last().live.version + 1, 1000, 0]) {
      expectQueryError(await api.planAtResponse(planId, { asOfVersion }), {
        code: 'BAD_USER_INPUT',
        field: 'asOfVersion',
      });
    }
  });

  it('rejects two points in time at once', async () =>
    expectQueryError(await api.planAtResponse(planId, { asOf: last().at, asOfVersion: 2 }), {
      code: 'BAD_USER_INPUT',
      field: 'asOfVersion',
    }));

  it('answers plan(asOfBoardMeeting) as at the end of the UK day the board met', async () => {
    const endOfMeetingDay = '2024-03-04T23:59:59.999Z';
    const plan = (await api.planAt(planId, { asOfBoardMeeting: meeting.id }))!;
    expect(plan.asOf).toBe(endOfMeetingDay);
    // The RAG change typed in an hour after the meeting, the same day, is part of the board's plan.
    expect({ ...plan, asOf: null }).toEqual(liveAnswerAt(answers, endOfMeetingDay)!.live);
    expect(plan.actions.find((action) => action.ref === '1.1')?.rag).toBe('AMBER');
    expect(plan.actions.map((action) => action.ref)).toEqual(['1.1', '1.2']);
    expect(plan.boardMeetings).toEqual([meeting]);
  });

  it('gives NOT_FOUND for a board meeting the plan does not have', async () =>
    expectQueryError(
      await api.planAtResponse(planId, { asOfBoardMeeting: '00000000-0000-4000-8000-000000000000' }),
      { code: 'NOT_FOUND', field: 'asOfBoardMeeting' },
    ));

  it('answers action(id, asOf) with the action as the live plan showed it then', async () => {
    const id = actions['1.2']!.id;
    const since = answers.filter((answer) => answer.live.actions.some((action) => action.id === id));
    const actual = await Promise.all(since.map(({ at }) => api.actionAt(id, at)));
    const live = (at: string) => liveAnswerAt(answers, at)!.live.actions.find((action) => action.id === id);
    expect(actual).toEqual(since.map(({ at }) => live(at)));
    const withdrawal = answers[12]!.at;
    expect((await api.actionAt(id, plus(withdrawal, -1)))?.withdrawn).toBe(false);
    expect((await api.actionAt(id, withdrawal))?.withdrawn).toBe(true);
  });

  it('gives NOT_FOUND for an action asked for before it was added, and null for an unknown action', async () => {
    const added = actions['1.4']!.createdAt;
    expectQueryError(await api.actionAtResponse(actions['1.4']!.id, plus(added, -1)), {
      code: 'NOT_FOUND',
      field: 'asOf',
    });
    expect(await api.actionAt(actions['1.4']!.id, added)).toEqual(
      last().live.actions.find((action) => action.ref === '1.4'),
    );
    expect(await api.actionAt('00000000-0000-4000-8000-000000000000', last().at)).toBeNull();
  });
});
