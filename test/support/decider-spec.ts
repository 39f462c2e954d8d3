import { expect } from '@jest/globals';
import type { PlanCommand } from '../../src/plans/domain/commands.js';
import { decide } from '../../src/plans/domain/decide.js';
import { DomainError, type DomainErrorKind } from '../../src/plans/domain/errors.js';
import type { PlanEvent } from '../../src/plans/domain/events.js';
import { evolve, type FoldContext, type Plan } from '../../src/plans/domain/plan.js';

/** When every given event was recorded, unless `recorded()` says otherwise. */
export const RECORDED_AT = '2024-05-01T10:00:00.000Z';
/** When the command under test is decided, unless `when(command, now)` says otherwise. */
export const NOW = '2024-05-02T09:00:00.000Z';

export type GivenEvent = PlanEvent | { readonly event: PlanEvent; readonly context: FoldContext };

/** An event recorded with its own context (time, actor, effective date). */
export const recorded = (event: PlanEvent, context: Partial<FoldContext>): GivenEvent => ({
  event,
  context: { recordedAt: RECORDED_AT, ...context },
});

/** The plan folded from its history with the one `evolve`. */
export function foldPlan(history: readonly GivenEvent[]): Plan | undefined {
  return history.reduce<Plan | undefined>((plan, given) => {
    const { event, context } =
      'event' in given ? given : { event: given, context: { recordedAt: RECORDED_AT } };
    return evolve(plan, event, context);
  }, undefined);
}

/** given(events).when(command).then(events) / .thenThrows(kind, field), after Emmett's DeciderSpecification. */
export function given(...history: GivenEvent[]) {
  const plan = foldPlan(history);
  return {
    when(command: PlanCommand, now: string = NOW) {
      const decided = () => decide(command, plan, now);
      return {
        then(expected: PlanEvent[]): void {
          expect(decided()).toEqual(expected);
        },
        thenThrows(kind: DomainErrorKind, field?: string): void {
          expect(decided).toThrow(DomainError);
          const error = caught(decided);
          const actual =
            field === undefined ? { kind: error.kind } : { kind: error.kind, field: error.field };
          expect(actual).toEqual(field === undefined ? { kind } : { kind, field });
        },
      };
    },
  };
}

function caught(decided: () => unknown): DomainError {
  try {
    decided();
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected the decision to throw');
}
