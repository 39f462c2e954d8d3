import { expect } from '@jest/globals';
import { describeChange, type ChangeDescription } from '../../src/history/domain/plan-change.js';
import type { PlanEvent } from '../../src/plans/domain/events.js';
import { evolve } from '../../src/plans/domain/plan.js';
import { foldPlan, RECORDED_AT } from './decider-spec.js';
import { ACTION_ID } from './plan-builders.js';

/** given(history).whenRecorded(event).thenDescribedAs(description): the event folded onto the history. */
export const given = (...history: PlanEvent[]) => ({
  whenRecorded: (event: PlanEvent) => {
    const before = foldPlan(history);
    const described = describeChange(event, before, evolve(before, event, { recordedAt: RECORDED_AT }));
    return {
      thenDescribedAs: (expected: Partial<ChangeDescription>) =>
        expect(described).toEqual({
          actionId: null,
          actionRef: null,
          field: null,
          from: null,
          to: null,
          reason: null,
          ragFrom: null,
          ragTo: null,
          scheduleFrom: null,
          scheduleTo: null,
          evidence: [],
          ...expected,
        }),
    };
  },
});

/** The fields naming the builders' action 1.1. */
export const onAction = { actionId: ACTION_ID, actionRef: '1.1' };
