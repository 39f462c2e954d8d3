import { describe, expect, it } from '@jest/globals';
import type { PlanCommand } from './commands.js';
import { decideAll, type BatchDecision, type DecisionContext } from './decide-all.js';
import type { DomainErrorKind } from './errors.js';
import type { Plan } from './plan.js';
import { foldPlan, type GivenEvent } from '../../../test/support/decider-spec.js';
import {
  actionAdded,
  addAction,
  addProgressNote,
  addTheme,
  changeRagStatus,
  createPlan,
  planCreated,
  signedIn,
  themeAdded,
} from '../../../test/support/plan-builders.js';

const context: DecisionContext = { recordedAt: '2024-05-02T09:00:00.000Z', actor: signedIn() };

/** A command no caller can build (no data): deciding it would be a bug, and would throw. */
const malformed = { type: 'AddTheme', data: null } as unknown as PlanCommand;

/** given(events).when(commands).thenDecides(event types per command) / .thenRefuses(at, kind, field). */
function given(...history: GivenEvent[]) {
  const plan: Plan | undefined = foldPlan(history);
  return {
    when(...commands: PlanCommand[]) {
      const decided = (): BatchDecision => decideAll(commands, plan, context);
      return {
        thenDecides(eventTypes: string[][]): Plan | undefined {
          const decision = decided();
          if (!decision.accepted) throw new Error(`refused: ${decision.refusal.error.message}`);
          expect(decision.decisions.map(({ events }) => events.map((event) => event.type))).toEqual(
            eventTypes,
          );
          return decision.plan;
        },
        thenRefuses(index: number, kind: DomainErrorKind, field: string | undefined): void {
          const decision = decided();
          if (decision.accepted) throw new Error('expected the batch to be refused');
          const { refusal } = decision;
          expect(refusal.command).toBe(commands[index]);
          expect({ index: refusal.index, kind: refusal.error.kind, field: refusal.error.field }).toEqual({
            index,
            kind,
            field,
          });
        },
      };
    },
  };
}

describe('deciding several changes together (an import)', () => {
  it('decides each change on the plan as the previous ones left it', () => {
    const plan = given()
      .when(
        createPlan(),
        addTheme(),
        addAction({ rag: 'AMBER' }),
        changeRagStatus({ rag: 'GREEN', reason: 'imported from plan.xlsx', effectiveDate: '2024-04-30' }),
        addProgressNote({ text: 'Caseloads audited.' }),
      )
      .thenDecides([
        ['PlanCreated'],
        ['ThemeAdded'],
        ['ActionAdded'],
        ['RagStatusChanged'],
        ['ProgressNoteAdded'],
      ]);
    expect(plan?.version).toBe(5);
    expect([...plan!.actions.values()][0]?.rag).toBe('GREEN');
  });

  it('records the day each change took effect with its decision', () => {
    const decision = decideAll([createPlan(), addTheme({ effectiveDate: '2024-04-30' })], undefined, context);
    expect(decision.accepted && decision.decisions.map((decided) => decided.context.effectiveDate)).toEqual([
      undefined,
      '2024-04-30',
    ]);
  });

  it('names the refused change in the middle of a batch, and its reason', () => {
    given()
      .when(createPlan(), addTheme(), addAction({ ref: '1.1' }), addAction({ actionId: 'a2', ref: '1.1' }))
      .thenRefuses(3, 'INVALID', 'ref');
  });

  it('decides nothing after the refused change', () => {
    given(planCreated())
      .when(addTheme(), addTheme({ themeId: 'theme-2' }), malformed)
      .thenRefuses(1, 'INVALID', 'number');
  });

  it('names the first change when it is the one refused', () => {
    given(planCreated(), themeAdded(), actionAdded())
      .when(changeRagStatus({ rag: 'GREEN', reason: '' }), addProgressNote())
      .thenRefuses(0, 'INVALID', 'reason');
  });

  it('refuses a change for another plan than the batch is deciding', () => {
    given()
      .when(createPlan(), addTheme({ planId: 'another-plan' }))
      .thenRefuses(1, 'INVALID', 'planId');
  });

  it('refuses the whole batch for someone not signed in', () => {
    const decision = decideAll([createPlan()], undefined, { ...context, actor: undefined });
    expect(!decision.accepted && decision.refusal.error.kind).toBe('UNAUTHENTICATED');
  });

  it('throws, rather than refuses, a batch it cannot read (a bug, not a refusal)', () => {
    expect(() => decideAll([malformed], foldPlan([planCreated()]), context)).toThrow(TypeError);
  });
});
