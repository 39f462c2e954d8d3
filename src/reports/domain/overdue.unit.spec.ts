import { describe, expect, it } from '@jest/globals';
import { foldPlan } from '../../../test/support/decider-spec.js';
import {
  ACTION_ID,
  actionWithdrawn,
  planWithAction,
  ragStatusChanged,
} from '../../../test/support/plan-builders.js';
import type { ActionAdded, PlanEvent } from '../../plans/domain/events.js';
import { overdueness } from './overdue.js';

/** given(an action as added, then its later events).on(a UK day): is it overdue? */
const given = (added: Partial<ActionAdded['data']>, ...later: PlanEvent[]) => ({
  on(today: string) {
    const action = foldPlan([...planWithAction(added), ...later])!.actions.get(ACTION_ID)!;
    return overdueness(action, today);
  },
});

describe('overdue actions', () => {
  it('is overdue once the whole due-by month has passed', () => {
    expect(given({ commencing: '2024-01', dueBy: '2024-03', rag: 'AMBER' }).on('2024-04-01')).toEqual({
      rule: 'DUE_BY_PASSED',
      date: '2024-03',
      lastDay: '2024-03-31',
      daysOverdue: 1,
    });
  });

  it('is not overdue during the last day of its due-by month', () => {
    expect(given({ dueBy: '2024-03', rag: 'AMBER' }).on('2024-03-31')).toBeNull();
  });

  it('is overdue the day after a due-by date, counting whole days', () => {
    expect(given({ dueBy: '2024-03-15', rag: 'RED' }).on('2024-03-16')).toMatchObject({ daysOverdue: 1 });
    expect(given({ dueBy: '2024-03-15', rag: 'RED' }).on('2024-05-14')).toMatchObject({ daysOverdue: 60 });
  });

  it.each(['AMBER', 'RED', 'NOT_RATED'] as const)('is overdue past its due-by date when %s', (rag) => {
    expect(given({ dueBy: '2024-03', rag }).on('2024-04-09')).toMatchObject({ rule: 'DUE_BY_PASSED' });
  });

  it('is never overdue once withdrawn: it has left the plan', () => {
    expect(given({ dueBy: '2024-03', rag: 'RED' }, actionWithdrawn()).on('2024-04-09')).toBeNull();
  });

  it.each(['GREEN', 'BLUE'] as const)('is never overdue when %s, even long past its dates', (rag) => {
    expect(given({ commencing: '2023-01', dueBy: '2023-03', rag }).on('2024-04-09')).toBeNull();
    expect(given({ commencing: '2023-01', dueBy: null, rag }).on('2024-04-09')).toBeNull();
  });

  it('stops being overdue once rated green', () => {
    const turnedGreen = ragStatusChanged({ from: 'RED', to: 'GREEN', reason: 'Delivered' });
    expect(given({ dueBy: '2024-03', rag: 'RED' }, turnedGreen).on('2024-04-09')).toBeNull();
  });

  it('follows its due-by date, not its commencing month, when it has one', () => {
    expect(given({ commencing: '2023-12', dueBy: '2024-09', rag: 'NOT_RATED' }).on('2024-05-14')).toBeNull();
  });

  it.each(['NOT_RATED', 'RED'] as const)(
    'with no due-by date, is overdue once its commencing month has passed while still %s',
    (rag) => {
      expect(given({ commencing: '2024-03', dueBy: null, rag }).on('2024-04-09')).toEqual({
        rule: 'COMMENCING_PASSED',
        date: '2024-03',
        lastDay: '2024-03-31',
        daysOverdue: 9,
      });
    },
  );

  it('with no due-by date, is not overdue during its commencing month', () => {
    expect(given({ commencing: '2024-04', dueBy: null }).on('2024-04-30')).toBeNull();
  });

  it('with no due-by date, is in progress rather than overdue when AMBER after its commencing month', () => {
    expect(given({ commencing: '2023-12', dueBy: null, rag: 'AMBER' }).on('2024-04-09')).toBeNull();
  });

  it('with neither date, is never overdue', () => {
    expect(given({ commencing: null, dueBy: null, rag: 'RED' }).on('2030-01-01')).toBeNull();
  });
});
