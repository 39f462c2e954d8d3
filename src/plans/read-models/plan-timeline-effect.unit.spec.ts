import { beforeAll, describe, expect, it } from '@jest/globals';
import {
  actionAdded,
  PLAN_ID,
  planCreated,
  progressNoteAdded,
  ragStatusChanged,
  themeAdded,
} from '../../../test/support/plan-builders.js';
import type { ChangeContext, PlanEvent } from '../domain/events.js';
import type { Plan } from '../domain/plan.js';
import { planStream } from '../plan-stream.js';
import { LoadedPlan } from './loaded-plan.js';

/**
 * "What did we know on the 25th about the position on the 23rd?": the April board agreed 1.1 was
 * green on the 23rd; it was typed in on the 25th. Then 1.2 was added on the 26th with a RAG change
 * dated back to the 20th, before 1.2 was in the plan.
 */
const HISTORY: [PlanEvent, Omit<ChangeContext, 'actor'>][] = [
  [planCreated(), { recordedAt: '2024-04-01T09:00:00.000Z' }],
  [themeAdded(), { recordedAt: '2024-04-01T09:05:00.000Z' }],
  [actionAdded({ rag: 'AMBER' }), { recordedAt: '2024-04-01T09:10:00.000Z' }],
  [
    ragStatusChanged({ from: 'AMBER', to: 'GREEN', reason: 'Agreed at the board' }),
    { recordedAt: '2024-04-25T10:00:00.000Z', effectiveDate: '2024-04-23' },
  ],
  [progressNoteAdded({ text: 'Caseloads at 18.' }), { recordedAt: '2024-04-26T10:00:00.000Z' }],
  [
    actionAdded({ actionId: 'action-1-2', ref: '1.2', rag: 'NOT_RATED' }),
    { recordedAt: '2024-04-26T11:00:00.000Z' },
  ],
  [
    ragStatusChanged({ actionId: 'action-1-2', from: 'NOT_RATED', to: 'RED', reason: 'Backlog' }),
    { recordedAt: '2024-04-26T11:05:00.000Z', effectiveDate: '2024-04-20' },
  ],
  // 00:30 on the 27th in the UK (BST): in effect on the 27th, not the 26th.
  [progressNoteAdded({ noteId: 'note-2', text: 'Late entry.' }), { recordedAt: '2024-04-26T23:30:00.000Z' }],
];

describe('a plan as it stood in effect on a day', () => {
  const loaded = new LoadedPlan(PLAN_ID, []);
  const timeline = loaded.timeline;
  const ALL = HISTORY.length;

  beforeAll(() => {
    HISTORY.forEach(([event, context], index) =>
      loaded.apply({
        id: `event-${index}`,
        type: event.type,
        data: event.data,
        metadata: { correlationId: `c-${index}`, causationId: `k-${index}`, schemaVersion: 1, ...context },
        stream: planStream(PLAN_ID),
        revision: index,
        position: BigInt(index + 1),
      }),
    );
  });

  const rags = (plan: Plan | undefined) =>
    [...(plan?.actions.values() ?? [])].map((a) => `${a.ref} ${a.rag}`);
  const notes = (plan: Plan | undefined) =>
    [...(plan?.actions.values() ?? [])].flatMap((action) => action.progressNotes.map((note) => note.text));

  it('answers by what had been recorded then: on the 24th, 1.1 was still amber on the 23rd', () => {
    expect(rags(timeline.stateInEffect(3, '2024-04-23'))).toEqual(['1.1 AMBER']);
    expect(rags(timeline.stateInEffect(4, '2024-04-23'))).toEqual(['1.1 GREEN']);
  });

  it('leaves out changes that took effect after the day, whenever they were recorded', () => {
    expect(rags(timeline.stateInEffect(ALL, '2024-04-22'))).toEqual(['1.1 AMBER']);
    expect(notes(timeline.stateInEffect(ALL, '2024-04-25'))).toEqual([]);
    expect(notes(timeline.stateInEffect(ALL, '2024-04-26'))).toEqual(['Caseloads at 18.']);
  });

  it('takes the effective day of a change without an effective date as the UK day it was recorded', () =>
    expect(notes(timeline.stateInEffect(ALL, '2024-04-27'))).toEqual(['Caseloads at 18.', 'Late entry.']));

  it('leaves out a change to an action not yet in effect on the day, and folds it once the action is', () => {
    expect(rags(timeline.stateInEffect(ALL, '2024-04-21'))).toEqual(['1.1 AMBER']);
    expect(rags(timeline.stateInEffect(ALL, '2024-04-26'))).toEqual(['1.1 GREEN', '1.2 RED']);
  });

  it('has no plan before the plan was in effect', () =>
    expect(timeline.stateInEffect(ALL, '2024-03-31')).toBeUndefined());

  it('is the plan as recorded when every change had taken effect by the day', () =>
    expect(timeline.stateInEffect(ALL, '2024-12-31')).toEqual(timeline.stateAtVersion(ALL)));
});
