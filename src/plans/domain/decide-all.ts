import { recordedActor, type Actor } from '../../auth/domain/actor.js';
import { authorize } from './authorize.js';
import type { PlanCommand } from './commands.js';
import { decide } from './decide.js';
import { DomainError, invalid } from './errors.js';
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

/** The command a batch was refused at (its place in the batch), and the domain's reason. */
export interface Refusal {
  readonly index: number;
  readonly command: PlanCommand;
  readonly error: DomainError;
}

/** A batch is decided whole or refused at its first refused command; nothing after it is decided. */
export type BatchDecision =
  | { readonly accepted: true; readonly decisions: Decision[]; readonly plan: Plan | undefined }
  | { readonly accepted: false; readonly refusal: Refusal };

/**
 * Decides several commands in order, each on the plan as the previous ones left it, so that a
 * whole import is accepted or refused as one. Each command is first authorised for the actor on
 * the plan as it then stands. A refusal is a value naming the command, so a caller reporting on
 * the batch (an import, by row) need not decide it again to find where; anything but a domain
 * refusal is a bug and is thrown.
 */
export function decideAll(
  commands: readonly PlanCommand[],
  plan: Plan | undefined,
  { recordedAt, actor }: DecisionContext,
): BatchDecision {
  const decisions: Decision[] = [];
  let state = plan;
  for (const [index, command] of commands.entries()) {
    let events: PlanEvent[];
    try {
      events = decideOne(command, state, { recordedAt, actor });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return { accepted: false, refusal: { index, command, error } };
    }
    const changeContext: ChangeContext = {
      recordedAt,
      actor: recordedActor(actor!),
      effectiveDate: effectiveDateOf(command),
    };
    for (const event of events) state = evolve(state, event, changeContext);
    decisions.push({ command, events, context: changeContext });
  }
  return { accepted: true, decisions, plan: state };
}

function decideOne(command: PlanCommand, state: Plan | undefined, { recordedAt, actor }: DecisionContext) {
  if (state && 'planId' in command.data && command.data.planId !== state.id) {
    throw invalid('planId', 'Changes decided together must all be for the same plan');
  }
  authorize(command, state, actor);
  return decide(command, state, recordedAt);
}
