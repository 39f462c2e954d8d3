import { describe, expect, it } from '@jest/globals';
import { given, rag, otherAction, refs, NO_RAG } from '../../../test/support/diff-spec.js';
import { recorded } from '../../../test/support/decider-spec.js';
import {
  actionAdded,
  actionDescriptionRevised,
  actionOwnersAssigned,
  actionRescheduled,
  actionWithdrawn,
  OTHER_ACTION_ID,
  planCreated,
  planWithAction,
  progressNoteAdded,
  themeAdded,
  recordedBy,
} from '../../../test/support/plan-builders.js';

describe('what changed between two instants: actions added, withdrawn, edited and noted', () => {
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
        actor: recordedBy('Jo Bloggs'),
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
        actor: recordedBy('Jo Bloggs'),
        evidence: [],
      },
      {
        ref: '1.1',
        id: 'n2',
        text: 'Agency staff started.',
        recordedAt: '2024-05-03T10:00:00.000Z',
        effectiveDate: null,
        actor: null,
        evidence: [],
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
      netRagChanges: [],
      slippedActions: [],
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
