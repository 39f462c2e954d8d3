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
  planCreated,
  planWithAction,
  progressNoteAdded,
  ragStatusChanged,
  themeAdded,
} from '../../../test/support/plan-builders.js';
import type { RagStatus } from '../../plans/domain/rag.js';
import { evolve, type Plan } from '../../plans/domain/plan.js';
import { changeTiming, describeChange, type PlanChange } from './plan-change.js';
import { diffPlans, ragDirection, type PlanDiff } from './plan-diff.js';

const unpack = (given: GivenEvent) =>
  'event' in given ? given : { event: given, context: { recordedAt: RECORDED_AT } };

/**
 * given(history before the period).during(events in the period): the diff a board would see,
 * with the period's changes described one by one as the change log does.
 */
const given = (...history: GivenEvent[]) => ({
  during(...period: GivenEvent[]): PlanDiff {
    const before = foldPlan(history);
    let plan: Plan | undefined = before;
    const changes: PlanChange[] = period.map((given, index) => {
      const { event, context } = unpack(given);
      const next = evolve(plan, event, context);
      const change = {
        ...describeChange(event, plan, next),
        ...changeTiming(context),
        planId: next.id,
        eventId: `event-${index}`,
        position: BigInt(index),
        version: next.version,
        correlationId: null,
      };
      plan = next;
      return change;
    });
    return diffPlans(before, plan!, changes);
  },
});

const rag = (from: RagStatus, to: RagStatus, reason: string, actionId = ACTION_ID) =>
  ragStatusChanged({ actionId, from, to, reason });
const otherAction = (data: Parameters<typeof actionAdded>[0] = {}) =>
  actionAdded({ actionId: OTHER_ACTION_ID, ref: '1.2', ...data });
const refs = (actions: readonly { ref: string }[]) => actions.map((action) => action.ref);
const movements = (diff: PlanDiff) =>
  diff.ragMovements.map(({ action, from, to, direction, reasons }) => ({
    ref: action.ref,
    from,
    to,
    direction,
    reasons,
  }));
const NO_RAG = { red: 0, amber: 0, green: 0, blue: 0, notRated: 0, total: 0 };

describe('the direction of a RAG movement', () => {
  it.each<[RagStatus, RagStatus, string]>([
    ['RED', 'AMBER', 'IMPROVED'],
    ['AMBER', 'GREEN', 'IMPROVED'],
    ['RED', 'GREEN', 'IMPROVED'],
    ['GREEN', 'BLUE', 'IMPROVED'],
    ['AMBER', 'RED', 'WORSENED'],
    ['GREEN', 'AMBER', 'WORSENED'],
    ['BLUE', 'GREEN', 'WORSENED'],
    ['NOT_RATED', 'RED', 'FIRST_RATED'],
    ['NOT_RATED', 'BLUE', 'FIRST_RATED'],
    ['GREEN', 'NOT_RATED', 'RATING_REMOVED'],
    ['RED', 'NOT_RATED', 'RATING_REMOVED'],
  ])('%s → %s is %s', (from, to, direction) => expect(ragDirection(from, to)).toBe(direction));
});

describe('what changed between two instants', () => {
  it('reports no movement for an action that went AMBER → RED → AMBER in the period', () =>
    expect(
      given(...planWithAction({ rag: 'AMBER' })).during(
        rag('AMBER', 'RED', 'Two social workers left'),
        rag('RED', 'AMBER', 'Agency staff started'),
      ).ragMovements,
    ).toEqual([]));

  it('reports the net movement once, with the reason of every step in order', () =>
    expect(
      movements(
        given(...planWithAction({ rag: 'AMBER' })).during(
          rag('AMBER', 'RED', 'Two social workers left'),
          progressNoteAdded(),
          rag('RED', 'GREEN', 'Caseloads below 18'),
        ),
      ),
    ).toEqual([
      {
        ref: '1.1',
        from: 'AMBER',
        to: 'GREEN',
        direction: 'IMPROVED',
        reasons: ['Two social workers left', 'Caseloads below 18'],
      },
    ]));

  it('reports a worsening, a first rating and a rating removed, each with its own reasons', () =>
    expect(
      movements(
        given(
          ...planWithAction({ rag: 'GREEN' }),
          otherAction({ rag: 'NOT_RATED' }),
          actionAdded({ actionId: 'action-1-4', ref: '1.4', rag: 'AMBER' }),
        ).during(
          rag('NOT_RATED', 'AMBER', 'Work started', OTHER_ACTION_ID),
          rag('GREEN', 'RED', 'Audit found drift'),
          rag('AMBER', 'NOT_RATED', 'Rated in error', 'action-1-4'),
        ),
      ),
    ).toEqual([
      { ref: '1.1', from: 'GREEN', to: 'RED', direction: 'WORSENED', reasons: ['Audit found drift'] },
      { ref: '1.2', from: 'NOT_RATED', to: 'AMBER', direction: 'FIRST_RATED', reasons: ['Work started'] },
      {
        ref: '1.4',
        from: 'AMBER',
        to: 'NOT_RATED',
        direction: 'RATING_REMOVED',
        reasons: ['Rated in error'],
      },
    ]));

  it('takes reasons only from the changes of the period', () => {
    const before = [...planWithAction({ rag: 'RED' }), rag('RED', 'AMBER', 'Before the last board')];
    expect(movements(given(...before).during(rag('AMBER', 'GREEN', 'Since the last board')))).toEqual([
      { ref: '1.1', from: 'AMBER', to: 'GREEN', direction: 'IMPROVED', reasons: ['Since the last board'] },
    ]);
  });

  it('lists actions added in the period, with their notes, and no movement for their first RAG', () => {
    const diff = given(...planWithAction()).during(
      otherAction({ rag: 'AMBER' }),
      progressNoteAdded({ actionId: OTHER_ACTION_ID, noteId: 'note-new', text: 'Workshops planned.' }),
    );
    expect(refs(diff.addedActions)).toEqual(['1.2']);
    expect(diff.ragMovements).toEqual([]);
    expect(diff.newProgressNotes.map(({ action, note }) => [action.ref, note.text])).toEqual([
      ['1.2', 'Workshops planned.'],
    ]);
  });

  it('lists actions withdrawn in the period, but not those withdrawn before it', () => {
    const diff = given(
      ...planWithAction(),
      otherAction(),
      actionWithdrawn({ actionId: OTHER_ACTION_ID }),
    ).during(actionWithdrawn({ reason: 'Merged into 1.4' }));
    expect(refs(diff.withdrawnActions)).toEqual(['1.1']);
    expect(diff.addedActions).toEqual([]);
  });

  it('lists an action added and withdrawn in the same period as both', () => {
    const diff = given(...planWithAction()).during(
      otherAction(),
      actionWithdrawn({ actionId: OTHER_ACTION_ID }),
    );
    expect(refs(diff.addedActions)).toEqual(['1.2']);
    expect(refs(diff.withdrawnActions)).toEqual(['1.2']);
  });

  it('reports owner, schedule and description changes from the old to the new value', () => {
    const diff = given(
      ...planWithAction({ owners: ['Service Director'], commencing: '2023-12', dueBy: null }),
    ).during(
      actionOwnersAssigned(['Team Managers']),
      actionOwnersAssigned(['Team Managers', 'Lead IRO']),
      actionRescheduled({ commencing: '2024-01', dueBy: '2024-06' }),
      actionDescriptionRevised({ description: 'Review caseloads weekly.' }),
    );
    const ref = { ref: '1.1' };
    expect(diff.ownerChanges.map(({ action, from, to }) => ({ ref: action.ref, from, to }))).toEqual([
      { ...ref, from: ['Service Director'], to: ['Team Managers', 'Lead IRO'] },
    ]);
    expect(diff.scheduleChanges.map(({ action, from, to }) => ({ ref: action.ref, from, to }))).toEqual([
      {
        ...ref,
        from: { commencing: '2023-12', dueBy: null },
        to: { commencing: '2024-01', dueBy: '2024-06' },
      },
    ]);
    expect(diff.descriptionChanges.map(({ action, from, to }) => ({ ref: action.ref, from, to }))).toEqual([
      {
        ...ref,
        from: 'Review caseloads across the assessment teams monthly.',
        to: 'Review caseloads weekly.',
      },
    ]);
  });

  it('reports nothing for owners assigned again unchanged', () =>
    expect(
      given(...planWithAction({ owners: ['Lead IRO'] })).during(actionOwnersAssigned(['Lead IRO']))
        .ownerChanges,
    ).toEqual([]));

  it('lists only the progress notes added in the period, in order, with when and by whom', () => {
    const diff = given(
      ...planWithAction(),
      progressNoteAdded({ noteId: 'old', text: 'Before the board.' }),
    ).during(
      recorded(progressNoteAdded({ noteId: 'n1', text: 'Caseloads audited.' }), {
        recordedAt: '2024-05-02T10:00:00.000Z',
        actor: 'Jo Bloggs',
        effectiveDate: '2024-04-30',
      }),
      recorded(progressNoteAdded({ noteId: 'n2', text: 'Agency staff started.' }), {
        recordedAt: '2024-05-03T10:00:00.000Z',
      }),
    );
    expect(diff.newProgressNotes.map(({ action, note }) => ({ ref: action.ref, ...note }))).toEqual([
      {
        ref: '1.1',
        id: 'n1',
        text: 'Caseloads audited.',
        recordedAt: '2024-05-02T10:00:00.000Z',
        effectiveDate: '2024-04-30',
        actor: 'Jo Bloggs',
      },
      {
        ref: '1.1',
        id: 'n2',
        text: 'Agency staff started.',
        recordedAt: '2024-05-03T10:00:00.000Z',
        effectiveDate: null,
        actor: null,
      },
    ]);
  });

  it('counts RAG before and after, leaving withdrawn actions out', () => {
    const diff = given(...planWithAction({ rag: 'RED' }), otherAction({ rag: 'AMBER' })).during(
      rag('RED', 'GREEN', 'Caseloads below 18'),
      actionWithdrawn({ actionId: OTHER_ACTION_ID }),
      actionAdded({ actionId: 'action-1-4', ref: '1.4', rag: 'NOT_RATED' }),
    );
    expect(diff.ragSummaryBefore).toEqual({ ...NO_RAG, red: 1, amber: 1, total: 2 });
    expect(diff.ragSummaryAfter).toEqual({ ...NO_RAG, green: 1, notRated: 1, total: 2 });
  });

  it('treats a plan that did not exist at the start as all new, with empty counts before', () => {
    const diff = given().during(
      planCreated(),
      themeAdded(),
      actionAdded({ rag: 'AMBER' }),
      progressNoteAdded(),
    );
    expect(diff.ragSummaryBefore).toEqual(NO_RAG);
    expect(diff.ragSummaryAfter).toEqual({ ...NO_RAG, amber: 1, total: 1 });
    expect(refs(diff.addedActions)).toEqual(['1.1']);
    expect(diff.newProgressNotes).toHaveLength(1);
  });

  it('is empty for a period with no changes', () => {
    const history = [...planWithAction({ rag: 'AMBER' }), progressNoteAdded()];
    const summary = { ...NO_RAG, amber: 1, total: 1 };
    expect(given(...history).during()).toEqual({
      ragMovements: [],
      addedActions: [],
      withdrawnActions: [],
      ownerChanges: [],
      scheduleChanges: [],
      descriptionChanges: [],
      newProgressNotes: [],
      ragSummaryBefore: summary,
      ragSummaryAfter: summary,
    });
  });
});
