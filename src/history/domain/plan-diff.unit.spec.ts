import { describe, expect, it } from '@jest/globals';
import { given, rag, otherAction, movements } from '../../../test/support/diff-spec.js';
import {
  actionAdded,
  OTHER_ACTION_ID,
  planWithAction,
  progressNoteAdded,
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
});
