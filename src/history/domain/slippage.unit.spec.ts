import { describe, expect, it } from '@jest/globals';
import { changesBetween } from '../../../test/support/board-pack-fixture.js';
import { foldPlan, recorded, type GivenEvent } from '../../../test/support/decider-spec.js';
import { given as during, otherAction } from '../../../test/support/diff-spec.js';
import {
  ACTION_ID,
  actionRescheduled,
  OTHER_ACTION_ID,
  planWithAction,
  ragStatusChanged,
  recordedBy,
} from '../../../test/support/plan-builders.js';
import { stored, textRedacted } from '../../../test/support/redaction-builders.js';
import { daysSlipped, slippageOf } from './slippage.js';

const ALL_TIME = [new Date(0), new Date('2100-01-01T00:00:00.000Z')] as const;

/**
 * given(history).thenSlippage(): the slippage of action 1.1 after the whole history, or as it was
 * after its first `events` events, described from every change the change log holds.
 */
const given = (...history: GivenEvent[]) => ({
  slippage(events = history.length) {
    const action = foldPlan(history.slice(0, events))!.actions.get(ACTION_ID)!;
    return slippageOf(
      action,
      changesBetween(history, ...ALL_TIME).filter((c) => c.actionId === ACTION_ID),
    );
  },
});

const rescheduled = (commencing: string | null, dueBy: string | null, reason = 'Recruitment delayed') =>
  actionRescheduled({ commencing, dueBy, reason });

describe('days slipped between two schedules', () => {
  it.each([
    ['a month to a later month: last day to last day', '2024-06', '2024-09', 92],
    ['a day to a later day', '2024-06-15', '2024-06-30', 15],
    ['a month to a day in it', '2024-06', '2024-06-10', -20],
    ['brought forward', '2024-09', '2024-06', -92],
    ['unchanged', '2024-06', '2024-06', 0],
  ])('counts %s', (_, from, to, days) =>
    expect(daysSlipped({ commencing: null, dueBy: from }, { commencing: null, dueBy: to })).toBe(days),
  );

  it('goes by the commencing dates when there is no due-by date on both sides', () => {
    expect(
      daysSlipped({ commencing: '2023-12', dueBy: null }, { commencing: '2024-03', dueBy: '2024-06' }),
    ).toBe(91);
    expect(daysSlipped({ commencing: null, dueBy: null }, { commencing: '2024-03', dueBy: null })).toBeNull();
  });
});

describe('an action’s slippage, derived from its changes', () => {
  it('is nothing for an action never rescheduled', () =>
    expect(given(...planWithAction({ commencing: '2023-12', dueBy: '2024-06' })).slippage()).toEqual({
      originalCommencing: '2023-12',
      originalDueBy: '2024-06',
      rescheduleCount: 0,
      daysSlipped: 0,
    }));

  it('keeps the dates it was added with and counts every reschedule since', () =>
    expect(
      given(
        ...planWithAction({ commencing: '2023-12', dueBy: '2024-06' }),
        rescheduled('2024-01', '2024-09'),
        ragStatusChanged(),
        rescheduled('2024-01', '2024-12-15', 'DfE agreed a later date'),
      ).slippage(),
    ).toEqual({
      originalCommencing: '2023-12',
      originalDueBy: '2024-06',
      rescheduleCount: 2,
      daysSlipped: 168,
    }));

  it('counts a date brought forward as negative slippage', () =>
    expect(
      given(...planWithAction({ dueBy: '2024-06' }), rescheduled('2023-12', '2024-05')).slippage()
        .daysSlipped,
    ).toBe(-30));

  it('as it was at a past point, counts only the reschedules recorded by then', () => {
    const history = [
      ...planWithAction({ commencing: '2023-12', dueBy: '2024-06' }),
      rescheduled('2024-01', '2024-09'),
      rescheduled('2024-01', '2024-12'),
    ];
    expect(given(...history).slippage(4)).toMatchObject({ rescheduleCount: 1, daysSlipped: 92 });
    expect(given(...history).slippage(3)).toMatchObject({ rescheduleCount: 0, daysSlipped: 0 });
  });

  it('is not thrown out by a redaction, which changes no date', () => {
    const history = [
      ...planWithAction({ dueBy: '2024-06' }),
      stored(rescheduled('2024-01', '2024-09', 'Named a family'), 'event-reschedule'),
      recorded(textRedacted({ eventId: 'event-reschedule', field: 'reason', noteId: null }), {
        actor: recordedBy('Jo Smith', ['ADMIN']),
      }),
      rescheduled('2024-01', '2024-10'),
    ];
    expect(given(...history).slippage()).toMatchObject({ rescheduleCount: 2, daysSlipped: 123 });
  });
});

describe('actions rescheduled in a period', () => {
  it('lists each action with its dates at the start and the end, and every reschedule with who and why', () => {
    const diff = during(...planWithAction({ commencing: '2023-12', dueBy: '2024-06' })).during(
      recorded(rescheduled('2024-01', '2024-09', 'Recruitment delayed'), {
        recordedAt: '2024-04-18T09:00:00.000Z',
        effectiveDate: '2024-04-16',
        actor: recordedBy('Sam Patel'),
      }),
      recorded(rescheduled('2024-01', '2024-10', 'Training moved'), {
        recordedAt: '2024-05-02T09:00:00.000Z',
        actor: recordedBy('Jo Bloggs'),
      }),
    );
    expect(diff.slippedActions).toHaveLength(1);
    const [slipped] = diff.slippedActions;
    expect(slipped).toMatchObject({
      action: { ref: '1.1', dueBy: '2024-10' },
      from: { commencing: '2023-12', dueBy: '2024-06' },
      to: { commencing: '2024-01', dueBy: '2024-10' },
      daysSlipped: 123,
    });
    expect(
      slipped!.reschedules.map(({ to, daysSlipped: days, reason, actor, recordedAt, effectiveDate }) => [
        to.dueBy,
        days,
        reason,
        actor?.name,
        recordedAt,
        effectiveDate,
      ]),
    ).toEqual([
      ['2024-09', 92, 'Recruitment delayed', 'Sam Patel', '2024-04-18T09:00:00.000Z', '2024-04-16'],
      ['2024-10', 31, 'Training moved', 'Jo Bloggs', '2024-05-02T09:00:00.000Z', null],
    ]);
  });

  it('includes an action added in the period and rescheduled after, from the dates it was added with', () => {
    const diff = during(...planWithAction()).during(
      otherAction({ commencing: '2024-04', dueBy: '2024-06' }),
      actionRescheduled({ actionId: OTHER_ACTION_ID, commencing: '2024-05', dueBy: '2024-08' }),
    );
    expect(
      diff.slippedActions.map(({ action, from, to, daysSlipped: days }) => [action.ref, from, to, days]),
    ).toEqual([
      ['1.2', { commencing: '2024-04', dueBy: '2024-06' }, { commencing: '2024-05', dueBy: '2024-08' }, 62],
    ]);
  });
});
