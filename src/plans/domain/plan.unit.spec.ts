import { describe, expect, it } from '@jest/globals';
import { foldPlan, RECORDED_AT, recorded, type GivenEvent } from '../../../test/support/decider-spec.js';
import {
  ACTION_ID,
  actionAdded,
  actionDescriptionRevised,
  actionOwnersAssigned,
  actionRescheduled,
  actionWithdrawn,
  OTHER_ACTION_ID,
  planApproved,
  planClosed,
  planCreated,
  planWithAction,
  progressNoteAdded,
  ragStatusChanged,
  themeAdded,
  recordedBy,
} from '../../../test/support/plan-builders.js';
import type { PlanEvent } from './events.js';
import { activeActions, evolve, type Plan } from './plan.js';

const plan = (...history: GivenEvent[]): Plan => {
  const folded = foldPlan(history);
  if (!folded) throw new Error('no plan in the history');
  return folded;
};
const actionOf = (state: Plan, id = ACTION_ID) => state.actions.get(id);
const otherAction = actionAdded({ actionId: OTHER_ACTION_ID, ref: '1.2' });

describe('evolve', () => {
  it('starts a draft plan at version 1, created when recorded', () =>
    expect(plan(recorded(planCreated(), { recordedAt: '2024-01-10T12:00:00.000Z' }))).toEqual({
      id: 'plan-iow-2024',
      title: 'ILACS improvement plan',
      localAuthority: null,
      inspection: null,
      status: 'DRAFT',
      themes: [],
      actions: new Map(),
      boardMeetings: [],
      version: 1,
      createdAt: '2024-01-10T12:00:00.000Z',
      updatedAt: '2024-01-10T12:00:00.000Z',
      texts: null,
      earliestEffectiveDate: '2024-01-10',
      ownerRoles: [],
    }));

  it('counts every event of the stream in the plan version', () =>
    expect(plan(...planWithAction(), otherAction, ragStatusChanged(), planApproved()).version).toBe(6));

  it('moves the plan from draft to approved to closed', () => {
    expect(plan(planCreated(), planApproved()).status).toBe('APPROVED');
    expect(plan(planCreated(), planApproved(), planClosed()).status).toBe('CLOSED');
  });

  it('keeps themes in the order they were added', () =>
    expect(
      plan(planCreated(), themeAdded({ number: 2, themeId: 't2' }), themeAdded()).themes.map((t) => t.number),
    ).toEqual([2, 1]));

  it('gives a new action version 1', () => expect(actionOf(plan(...planWithAction()))?.version).toBe(1));

  it('counts in the action version only the events that changed that action', () => {
    const state = plan(
      ...planWithAction(),
      otherAction,
      ragStatusChanged(),
      actionOwnersAssigned(['Lead IRO'], OTHER_ACTION_ID),
      progressNoteAdded(),
    );
    expect(actionOf(state)?.version).toBe(3);
    expect(actionOf(state, OTHER_ACTION_ID)?.version).toBe(2);
  });

  it('moves updatedAt to the time each change was recorded', () => {
    const state = plan(
      ...planWithAction(),
      recorded(ragStatusChanged(), { recordedAt: '2024-05-10T08:00:00.000Z' }),
      recorded(otherAction, { recordedAt: '2024-05-11T08:00:00.000Z' }),
    );
    expect([state.createdAt, state.updatedAt]).toEqual([RECORDED_AT, '2024-05-11T08:00:00.000Z']);
    expect([actionOf(state)?.createdAt, actionOf(state)?.updatedAt]).toEqual([
      RECORDED_AT,
      '2024-05-10T08:00:00.000Z',
    ]);
  });

  it('keeps when, from when and by whom each progress note was recorded', () => {
    const context = {
      recordedAt: '2024-04-25T16:00:00.000Z',
      effectiveDate: '2024-04-23',
      actor: recordedBy('SM Operations'),
    };
    const state = plan(
      ...planWithAction(),
      recorded(progressNoteAdded(), context),
      progressNoteAdded({ noteId: 'note-2', text: 'Second audit.' }),
    );
    expect(actionOf(state)?.progressNotes).toEqual([
      { id: 'note-1', text: 'Caseloads audited.', ...context, evidence: [] },
      {
        id: 'note-2',
        text: 'Second audit.',
        recordedAt: RECORDED_AT,
        effectiveDate: null,
        actor: null,
        evidence: [],
      },
    ]);
  });

  it('applies each change to the action it names', () => {
    const state = plan(
      ...planWithAction(),
      ragStatusChanged({ to: 'GREEN' }),
      actionOwnersAssigned(['Lead IRO']),
      actionRescheduled({ commencing: null, dueBy: '2024-09' }),
      actionDescriptionRevised({ description: 'Audit caseloads weekly.' }),
    );
    expect(actionOf(state)).toMatchObject({
      rag: 'GREEN',
      owners: ['Lead IRO'],
      commencing: null,
      dueBy: '2024-09',
      description: 'Audit caseloads weekly.',
      withdrawn: false,
    });
  });

  it('keeps a withdrawn action in the plan but not among its active actions', () => {
    const state = plan(...planWithAction(), otherAction, actionWithdrawn());
    expect(actionOf(state)?.withdrawn).toBe(true);
    expect(activeActions(state).map((action) => action.id)).toEqual([OTHER_ACTION_ID]);
  });

  it.each<PlanEvent>([
    planApproved(),
    themeAdded({ themeId: 't2', number: 2 }),
    otherAction,
    ragStatusChanged(),
    progressNoteAdded(),
    actionOwnersAssigned(['Lead IRO']),
    actionRescheduled(),
    actionDescriptionRevised(),
    actionWithdrawn(),
  ])('leaves the previous state untouched on $type', (event) => {
    const history = [...planWithAction(), progressNoteAdded({ noteId: 'note-0' })];
    const before = plan(...history);
    // evolve is pure, so folding the same history again gives an independent copy to compare with.
    const snapshot = plan(...history);
    Object.freeze(before);
    [...before.themes, ...before.actions.values()].forEach((part) => Object.freeze(part));
    const after = evolve(before, event, { recordedAt: '2024-06-01T00:00:00.000Z' });
    expect(before).toEqual(snapshot);
    expect(after).not.toEqual(snapshot);
  });

  it('refuses an event before the plan was created', () =>
    expect(() => evolve(undefined, planApproved(), { recordedAt: RECORDED_AT })).toThrow(
      'PlanApproved before PlanCreated',
    ));

  it('refuses a change to an action it never saw', () =>
    expect(() => plan(planCreated(), ragStatusChanged())).toThrow(
      `RagStatusChanged for unknown action ${ACTION_ID}`,
    ));
});
