import { describe, expect, it } from '@jest/globals';
import { DomainError } from './errors.js';
import { decideAll } from './decide-all.js';
import {
  addAction,
  addProgressNote,
  addTheme,
  changeRagStatus,
  createPlan,
  signedIn,
} from '../../../test/support/plan-builders.js';

const context = { recordedAt: '2024-05-02T09:00:00.000Z', actor: signedIn() };

describe('deciding several changes together (an import)', () => {
  it('decides each change on the plan as the previous ones left it', () => {
    const { decisions, plan } = decideAll(
      [
        createPlan(),
        addTheme(),
        addAction({ rag: 'AMBER' }),
        changeRagStatus({ rag: 'GREEN', reason: 'imported from plan.xlsx', effectiveDate: '2024-04-30' }),
        addProgressNote({ text: 'Caseloads audited.' }),
      ],
      undefined,
      context,
    );
    expect(decisions.map((decision) => decision.events.map((event) => event.type))).toEqual([
      ['PlanCreated'],
      ['ThemeAdded'],
      ['ActionAdded'],
      ['RagStatusChanged'],
      ['ProgressNoteAdded'],
    ]);
    expect(decisions[3]?.context.effectiveDate).toBe('2024-04-30');
    expect(plan?.version).toBe(5);
    expect([...plan!.actions.values()][0]?.rag).toBe('GREEN');
  });

  it('refuses the whole batch when one change is refused', () => {
    const batch = [
      createPlan(),
      addTheme(),
      addAction({ ref: '1.1' }),
      addAction({ actionId: 'a2', ref: '1.1' }),
    ];
    expect(() => decideAll(batch, undefined, context)).toThrow(DomainError);
  });

  it('refuses a batch that mixes plans', () => {
    const batch = [createPlan(), addTheme({ planId: 'another-plan' })];
    expect(() => decideAll(batch, undefined, context)).toThrow(
      expect.objectContaining({ kind: 'INVALID', field: 'planId' }),
    );
  });
});
