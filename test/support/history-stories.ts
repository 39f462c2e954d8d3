import { ACTIONS, NOTES, THEME_1_ACTIONS, THEMES } from './plan-api.js';
import { MINUTE, type HistoryApi, type ManualClock } from './history-api.js';

/* The stories behind the history end-to-end tests: plans changed over days, at known instants. */

export const SAM = { actor: 'Sam Patel' };
export const JO = { actor: 'Jo Bloggs' };

/**
 * The story behind the audit tests (17 events), March 2024. On 1 March, 09:00 the plan and themes 1
 * and 2; 09:01 actions 1.1 (AMBER), 1.2 (AMBER), 1.4 (AMBER), 2.1 (RED). Then:
 * - 2 Mar 10:00 Sam Patel: 1.1 AMBER → GREEN "Caseloads below 18", effective 29 Feb, request board-pack-7
 * - 2 Mar 10:30 Jo Bloggs: 2.1 RED → GREEN; 11:00 Sam Patel: 1.4 AMBER → RED
 * - 3 Mar 09:00 Sam Patel: a note on 1.1, effective 1 Mar; 09:30 Jo Bloggs: 1.1 owned by Lead IRO
 * - 4 Mar 14:00 Sam Patel: 1.1 rescheduled, then its description revised (same instant)
 * - 7 Mar 10:00 Jo Bloggs: 1.2 AMBER → GREEN; 11:00 Sam Patel: 1.1 GREEN → BLUE
 * - 8 Mar 11:00 (no x-actor): 1.1 withdrawn
 */
export async function recordAuditStory(api: HistoryApi, clock: ManualClock) {
  const plans = api.plans;
  clock.set('2024-03-01T09:00:00.000Z');
  const planId = (await plans.createPlan()).id;
  const caseloads = await plans.addTheme(planId, THEMES.caseloads);
  const preProceedings = await plans.addTheme(planId, THEMES.preProceedings);
  clock.advance(MINUTE);
  const actions = {
    '1.1': await plans.addAction(planId, caseloads.id, { ...ACTIONS['1.1'], rag: 'AMBER' }),
    '1.2': await plans.addAction(planId, caseloads.id, ACTIONS['1.2']),
    '1.4': await plans.addAction(planId, caseloads.id, ACTIONS['1.4']),
    '2.1': await plans.addAction(planId, preProceedings.id, { ...ACTIONS['2.1'], rag: 'RED' }),
  };
  const [a11, a12, a14, a21] = [actions['1.1'].id, actions['1.2'].id, actions['1.4'].id, actions['2.1'].id];
  const at = (instant: string) => clock.set(instant);

  at('2024-03-02T10:00:00.000Z');
  const rag = { actionId: a11, rag: 'GREEN', reason: 'Caseloads below 18', effectiveDate: '2024-02-29' };
  await api.change('changeRagStatus', rag, { ...SAM, correlationId: 'board-pack-7' });
  at('2024-03-02T10:30:00.000Z');
  await api.change('changeRagStatus', { actionId: a21, rag: 'GREEN', reason: 'PLO tracker live' }, JO);
  at('2024-03-02T11:00:00.000Z');
  await api.change('changeRagStatus', { actionId: a14, rag: 'RED', reason: 'Audits paused' }, SAM);
  at('2024-03-03T09:00:00.000Z');
  await api.change(
    'addProgressNote',
    { actionId: a11, text: NOTES.caseloads, effectiveDate: '2024-03-01' },
    SAM,
  );
  at('2024-03-03T09:30:00.000Z');
  await api.change('assignActionOwners', { actionId: a11, owners: ['Lead IRO'] }, JO);
  at('2024-03-04T14:00:00.000Z');
  const dates = { actionId: a11, commencing: '2024-01', dueBy: '2024-06', reason: 'Agreed with DfE' };
  await api.change('rescheduleAction', dates, SAM);
  const revised = { actionId: a11, description: 'Keep caseloads below 18.', reason: 'Board asked' };
  await api.change('reviseActionDescription', revised, SAM);
  at('2024-03-07T10:00:00.000Z');
  await api.change('changeRagStatus', { actionId: a12, rag: 'GREEN', reason: 'Workshops held' }, JO);
  at('2024-03-07T11:00:00.000Z');
  await api.change('changeRagStatus', { actionId: a11, rag: 'BLUE', reason: 'Embedded' }, SAM);
  at('2024-03-08T11:00:00.000Z');
  await api.change('withdrawAction', { actionId: a11, reason: 'Complete: merged into 1.2' });
  return { planId, actions };
}

/**
 * The story behind the board tests, April–May 2024 (UK summer time, so a UK day ends at 22:59:59.999Z).
 * On 1 April: the plan, themes 1 and 2, actions 1.1 (NOT_RATED), 1.2 (AMBER), 1.4 (AMBER), 2.1 (GREEN).
 * - 9 Apr 09:00 the April board is recorded (held that day)
 * - 9 Apr 21:30 (22:30 BST, still the board's day): 1.2 → RED; 23:30 (00:30 BST on the 10th): 1.1 → AMBER
 * - 15 Apr 1.4 → RED; 16 Apr 1.2 → GREEN; 17 Apr 2.1 owners + Lead IRO; 18 Apr 1.1 due by 2024-09;
 *   19 Apr 2.1 description revised; 20 Apr 1.4 → AMBER (no net movement over the period)
 * - 22 Apr action 1.5 added with a note, and a note on 1.1 effective 19 Apr; 24 Apr 1.4 withdrawn
 * - 14 May 10:00 the May board is recorded; 20:00 (21:00 BST, the board's day) 1.1 → GREEN
 * - 15 May 1.2 → BLUE; 20 May a note on 1.5. The clock is left at 21 May 09:00.
 * Every change is at 09:00Z unless given.
 */
export async function recordBoardStory(api: HistoryApi, clock: ManualClock) {
  const plans = api.plans;
  const at = <T>(instant: string, change: () => Promise<T>): Promise<T> => {
    clock.set(instant);
    return change();
  };
  clock.set('2024-04-01T08:00:00.000Z');
  const planId = (await plans.createPlan()).id;
  const caseloads = await plans.addTheme(planId, THEMES.caseloads);
  const preProceedings = await plans.addTheme(planId, THEMES.preProceedings);
  const actions = {
    '1.1': await plans.addAction(planId, caseloads.id, ACTIONS['1.1']),
    '1.2': await plans.addAction(planId, caseloads.id, ACTIONS['1.2']),
    '1.4': await plans.addAction(planId, caseloads.id, ACTIONS['1.4']),
    '2.1': await plans.addAction(planId, preProceedings.id, ACTIONS['2.1']),
  };
  const [a11, a12, a14, a21] = [actions['1.1'].id, actions['1.2'].id, actions['1.4'].id, actions['2.1'].id];

  const april = await at('2024-04-09T09:00:00Z', () =>
    api.recordBoardMeeting(planId, '2024-04-09', 'April board'),
  );
  await at('2024-04-09T21:30:00Z', () => plans.changeRagStatus(a12, 'RED', 'Workshops cancelled'));
  await at('2024-04-09T23:30:00Z', () => plans.changeRagStatus(a11, 'AMBER', 'Recruitment started'));
  await at('2024-04-15T09:00:00Z', () => plans.changeRagStatus(a14, 'RED', 'Audits paused'));
  await at('2024-04-16T09:00:00Z', () => plans.changeRagStatus(a12, 'GREEN', 'Workshops held'));
  const owners = ['Service Manager Operations', 'Lead IRO'];
  await at('2024-04-17T09:00:00Z', () => plans.assignActionOwners(a21, owners));
  await at('2024-04-18T09:00:00Z', () => plans.rescheduleAction(a11, { dueBy: '2024-09' }, 'DfE agreed'));
  const revised = 'Embed the revised PLO framework.';
  await at('2024-04-19T09:00:00Z', () => plans.reviseActionDescription(a21, revised, 'Board asked'));
  await at('2024-04-20T09:00:00Z', () => plans.changeRagStatus(a14, 'AMBER', 'Audits resumed'));
  const a15 = await at('2024-04-22T09:00:00Z', () =>
    plans.addAction(planId, caseloads.id, THEME_1_ACTIONS[4]!),
  );
  await plans.addProgressNote(a15.id, 'SLA drafted with MASH partners.');
  await plans.addProgressNote(a11, NOTES.caseloads, { effectiveDate: '2024-04-19' });
  await at('2024-04-24T09:00:00Z', () => plans.withdrawAction(a14, 'Merged into 1.5'));
  const may = await at('2024-05-14T10:00:00Z', () =>
    api.recordBoardMeeting(planId, '2024-05-14', 'May board'),
  );
  await at('2024-05-14T20:00:00Z', () => plans.changeRagStatus(a11, 'GREEN', 'Agreed at the May board'));
  await at('2024-05-15T09:00:00Z', () => plans.changeRagStatus(a12, 'BLUE', 'Embedded'));
  await at('2024-05-20T09:00:00Z', () => plans.addProgressNote(a15.id, 'SLA signed.'));
  clock.set('2024-05-21T09:00:00Z');
  return { planId, actions: { ...actions, '1.5': a15 }, meetings: { april, may } };
}
