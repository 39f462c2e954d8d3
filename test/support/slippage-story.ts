import type { BoardMeetingView, HistoryApi, ManualClock } from './history-api.js';
import { ACTIONS, THEMES } from './plan-api.js';

/* A plan whose action went AMBER → RED → AMBER and slipped twice between two boards. */

export const SAM = { actor: 'Sam Patel' };
export const JO = { actor: 'Jo Bloggs' };
/** The end of each board's UK (summer time) day. */
export const END_OF_APRIL_BOARD_DAY = '2024-04-09T22:59:59.999Z';
export const END_OF_MAY_BOARD_DAY = '2024-05-14T22:59:59.999Z';

/**
 * 1 April 08:00: the plan, theme 1, 1.1 (AMBER, commencing December 2023, due by June 2024, three
 * owners) and 1.2 (AMBER). 9 April: the April board. Then, each at 09:00Z:
 * - 15 Apr Sam Patel: 1.1 AMBER → RED "Two social workers left", effective 12 April
 * - 18 Apr Jo Bloggs: 1.1 due by September 2024 "Recruitment delayed", effective 17 April
 * - 22 Apr: 1.3 added (AMBER); 23 Apr Sam Patel: 1.3 AMBER → RED "Partner withdrew"
 * - 29 Apr Jo Bloggs: 1.1 RED → AMBER "Agency staff started"
 * - 2 May Sam Patel: 1.1 due by October 2024 "Training moved to the autumn"
 * - 14 May 10:00: the May board. The clock is left at 21 May 09:00.
 */
export async function recordSlippageStory(api: HistoryApi, clock: ManualClock) {
  const plans = api.plans;
  const at = (instant: string) => clock.set(instant);
  at('2024-04-01T08:00:00.000Z');
  const planId = (await plans.createPlan()).id;
  const theme = await plans.addTheme(planId, THEMES.caseloads);
  const a11 = (await plans.addAction(planId, theme.id, { ...ACTIONS['1.1'], rag: 'AMBER', dueBy: '2024-06' }))
    .id;
  const a12 = (await plans.addAction(planId, theme.id, ACTIONS['1.2'])).id;
  at('2024-04-09T09:00:00.000Z');
  const april: BoardMeetingView = await api.recordBoardMeeting(planId, '2024-04-09', 'April board');
  at('2024-04-15T09:00:00.000Z');
  const red = { actionId: a11, rag: 'RED', reason: 'Two social workers left', effectiveDate: '2024-04-12' };
  await api.change('changeRagStatus', red, SAM);
  at('2024-04-18T09:00:00.000Z');
  const september = {
    actionId: a11,
    dueBy: '2024-09',
    reason: 'Recruitment delayed',
    effectiveDate: '2024-04-17',
  };
  await api.change('rescheduleAction', { ...september, commencing: '2023-12' }, JO);
  at('2024-04-22T09:00:00.000Z');
  const a13 = (
    await plans.addAction(planId, theme.id, { ref: '1.3', description: 'Chronologies.', rag: 'AMBER' })
  ).id;
  at('2024-04-23T09:00:00.000Z');
  await api.change('changeRagStatus', { actionId: a13, rag: 'RED', reason: 'Partner withdrew' }, SAM);
  at('2024-04-29T09:00:00.000Z');
  await api.change('changeRagStatus', { actionId: a11, rag: 'AMBER', reason: 'Agency staff started' }, JO);
  at('2024-05-02T09:00:00.000Z');
  const october = {
    actionId: a11,
    commencing: '2023-12',
    dueBy: '2024-10',
    reason: 'Training moved to the autumn',
  };
  await api.change('rescheduleAction', october, SAM);
  at('2024-05-14T10:00:00.000Z');
  const may: BoardMeetingView = await api.recordBoardMeeting(planId, '2024-05-14', 'May board');
  at('2024-05-21T09:00:00.000Z');
  return { planId, actions: { '1.1': a11, '1.2': a12, '1.3': a13 }, april, may };
}
