import type { PlanCommand } from './commands.js';
import { decide } from './decide.js';
import { invalid } from './errors.js';
import type { ChangeContext, PlanEvent } from './events.js';
import { evolve, type Plan } from './plan.js';

export interface Decision {
  readonly command: PlanCommand;
  readonly events: PlanEvent[];
  readonly context: ChangeContext;
}

/** The day a change took effect, when the command says. */
export const effectiveDateOf = (command: PlanCommand): string | undefined =>
  'effectiveDate' in command.data ? (command.data.effectiveDate ?? undefined) : undefined;

/**
 * Decides several commands in order, each on the plan as the previous ones left it, so that a
 * whole import is accepted or refused as one (the first refusal is thrown).
 */
export function decideAll(
  commands: readonly PlanCommand[],
  plan: Plan | undefined,
  context: Omit<ChangeContext, 'effectiveDate'>,
): { decisions: Decision[]; plan: Plan | undefined } {
  const decisions: Decision[] = [];
  let state = plan;
  for (const command of commands) {
    if (state && 'planId' in command.data && command.data.planId !== state.id) {
      throw invalid('planId', 'Changes decided together must all be for the same plan');
    }
    const events = decide(command, state, context.recordedAt);
    const changeContext = { ...context, effectiveDate: effectiveDateOf(command) };
    for (const event of events) state = evolve(state, event, changeContext);
    decisions.push({ command, events, context: changeContext });
  }
  return { decisions, plan: state };
}
