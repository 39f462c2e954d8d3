import { describe, expect, it } from '@jest/globals';
import { recorded } from '../../../test/support/decider-spec.js';
import { given, rag, otherAction, movements, netChanges } from '../../../test/support/diff-spec.js';
import {
  actionAdded,
  OTHER_ACTION_ID,
  planWithAction,
  progressNoteAdded,
  recordedBy,
} from '../../../test/support/plan-builders.js';
import type { RagStatus } from '../../plans/domain/rag.js';
import { ragDirection } from './plan-diff.js';

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

/** A RAG change recorded by someone at an instant, with the day it took effect. */
const moved = (
  [from, to]: [RagStatus, RagStatus],
  reason: string,
  by: string,
  recordedAt: string,
  effectiveDate?: string,
  actionId?: string,
) =>
  recorded(rag(from, to, reason, actionId), {
    recordedAt,
    actor: recordedBy(by),
    ...(effectiveDate ? { effectiveDate } : {}),
  });

describe('what changed between two instants: every RAG movement, and the net change beside it', () => {
  it('lists both movements of an action that went AMBER → RED → AMBER, with who, when and why', () => {
    const diff = given(...planWithAction({ rag: 'AMBER' })).during(
      moved(
        ['AMBER', 'RED'],
        'Two social workers left',
        'Sam Patel',
        '2024-04-15T09:00:00.000Z',
        '2024-04-12',
      ),
      moved(['RED', 'AMBER'], 'Agency staff started', 'Jo Bloggs', '2024-04-29T09:00:00.000Z'),
    );
    expect(movements(diff)).toEqual([
      {
        ref: '1.1',
        from: 'AMBER',
        to: 'RED',
        direction: 'WORSENED',
        reason: 'Two social workers left',
        by: 'Sam Patel',
        recordedAt: '2024-04-15T09:00:00.000Z',
        effectiveDate: '2024-04-12',
      },
      {
        ref: '1.1',
        from: 'RED',
        to: 'AMBER',
        direction: 'IMPROVED',
        reason: 'Agency staff started',
        by: 'Jo Bloggs',
        recordedAt: '2024-04-29T09:00:00.000Z',
        effectiveDate: null,
      },
    ]);
    expect(diff.netRagChanges).toEqual([]);
  });

  it('sums an action’s movements into one net change, with the reason of every step in order', () =>
    expect(
      netChanges(
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
        addedInPeriod: false,
        reasons: ['Two social workers left', 'Caseloads below 18'],
      },
    ]));

  it('lists the movements of several actions in the order recorded, and nets each', () => {
    const diff = given(
      ...planWithAction({ rag: 'GREEN' }),
      otherAction({ rag: 'NOT_RATED' }),
      actionAdded({ actionId: 'action-1-4', ref: '1.4', rag: 'AMBER' }),
    ).during(
      rag('NOT_RATED', 'AMBER', 'Work started', OTHER_ACTION_ID),
      rag('GREEN', 'RED', 'Audit found drift'),
      rag('AMBER', 'NOT_RATED', 'Rated in error', 'action-1-4'),
    );
    expect(movements(diff).map(({ ref, direction, reason }) => [ref, direction, reason])).toEqual([
      ['1.2', 'FIRST_RATED', 'Work started'],
      ['1.1', 'WORSENED', 'Audit found drift'],
      ['1.4', 'RATING_REMOVED', 'Rated in error'],
    ]);
    expect(netChanges(diff).map(({ ref, from, to }) => [ref, from, to])).toEqual([
      ['1.1', 'GREEN', 'RED'],
      ['1.2', 'NOT_RATED', 'AMBER'],
      ['1.4', 'AMBER', 'NOT_RATED'],
    ]);
  });

  it('takes movements only from the changes of the period', () => {
    const before = [...planWithAction({ rag: 'RED' }), rag('RED', 'AMBER', 'Before the last board')];
    const diff = given(...before).during(rag('AMBER', 'GREEN', 'Since the last board'));
    expect(movements(diff).map(({ reason }) => reason)).toEqual(['Since the last board']);
    expect(netChanges(diff).map(({ from, to }) => [from, to])).toEqual([['AMBER', 'GREEN']]);
  });

  it('shows the later movements of an action added in the period, netted from the RAG it was added with', () => {
    const diff = given(...planWithAction()).during(
      otherAction({ rag: 'AMBER' }),
      rag('AMBER', 'RED', 'Partner withdrew', OTHER_ACTION_ID),
    );
    expect(movements(diff).map(({ ref, from, to }) => [ref, from, to])).toEqual([['1.2', 'AMBER', 'RED']]);
    expect(netChanges(diff)).toEqual([
      {
        ref: '1.2',
        from: 'AMBER',
        to: 'RED',
        direction: 'WORSENED',
        addedInPeriod: true,
        reasons: ['Partner withdrew'],
      },
    ]);
  });
});
