import { recordedActor, type Actor } from '../../auth/domain/actor.js';
import { authorize } from './authorize.js';
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

/** When and for whom commands are decided. */
export interface DecisionContext {
  readonly recordedAt: string;
  /** Undefined only where nobody signed in: every command is then refused. */
  readonly actor: Actor | undefined;
}

/**
 * Decides several commands in order, each on the plan as the previous ones left it, so that a
 * whole import is accepted or refused as one (the first refusal is thrown). Each command is first
 * authorised for the actor on the plan as it then stands.
 */
export function decideAll(
  commands: readonly PlanCommand[],
  plan: Plan | undefined,
  { recordedAt, actor }: DecisionContext,
): { decisions: Decision[]; plan: Plan | undefined } {
  const decisions: Decision[] = [];
  let state = plan;
  for (const command of commands) {
    if (state && 'planId' in command.data && command.data.planId !== state.id) {
      throw invalid('planId', 'Changes decided together must all be for the same plan');
    }
    authorize(command, state, actor);
    const events = decide(command, state, recordedAt);
    const changeContext: ChangeContext = {
      recordedAt,
      actor: recordedActor(actor!),
      effectiveDate: effectiveDateOf(command),
    };
    for (const event of events) state = evolve(state, event, changeContext);
    decisions.push({ command, events, context: changeContext });
  }
  return { decisions, plan: state };
}
