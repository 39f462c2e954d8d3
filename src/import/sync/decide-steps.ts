import { decideAll, type DecisionContext } from '../../plans/domain/decide-all.js';
import { DomainError } from '../../plans/domain/errors.js';
import type { Plan } from '../../plans/domain/plan.js';
import type { SyncStep } from './sync-result.js';

export type StepsDecision =
  | { readonly accepted: true; readonly events: number }
  | { readonly accepted: false; readonly step: SyncStep; readonly error: DomainError };

/**
 * Decides an import's steps one by one, as the command handler will decide them together, to find
 * which row the domain refuses (the handler only says why, not where). Appends nothing.
 */
export function decideSteps(
  steps: readonly SyncStep[],
  plan: Plan | undefined,
  { recordedAt, actor }: DecisionContext,
): StepsDecision {
  let state = plan;
  let events = 0;
  for (const step of steps) {
    try {
      const decided = decideAll([step.command], state, { recordedAt, actor });
      state = decided.plan;
      events += decided.decisions.reduce((sum, decision) => sum + decision.events.length, 0);
    } catch (error) {
      if (error instanceof DomainError) return { accepted: false, step, error };
      throw error;
    }
  }
  return { accepted: true, events };
}
