import type { Actor } from '../../auth/domain/actor.js';
import { may, seesAuthority, type Capability } from '../../auth/domain/permissions.js';
import type { PlanCommand } from './commands.js';
import { forbidden, unauthenticated, noSuchPlan } from './errors.js';
import { isOwnedBy } from './owner-roles.js';
import type { Plan } from './plan.js';

/** The capability each command needs (see auth/domain/permissions.ts for which roles hold it). */
export function capabilityOf(command: PlanCommand): Capability {
  switch (command.type) {
    case 'ChangeRagStatus':
    case 'AddProgressNote':
    case 'AssignActionOwners':
    case 'RescheduleAction':
    case 'ReviseActionDescription':
    case 'RecordActionUpdate':
      return 'editAction';
    case 'CreatePlan':
    case 'ApprovePlan':
    case 'ClosePlan':
    case 'AddTheme':
    case 'ReviseTheme':
    case 'AddAction':
    case 'WithdrawAction':
    case 'RecordBoardMeeting':
    case 'ListOwnerRole':
    case 'RetireOwnerRole':
      return 'administer';
    case 'RedactText':
      return 'redact';
  }
}

/**
 * May this actor make this change to this plan? Decided with the commands so that the API, imports
 * and any later front end obey one rule. A plan of another local authority answers as if it did not
 * exist; an EDITOR who owns some roles may change only actions that one of those roles owns.
 */
export function authorize(command: PlanCommand, plan: Plan | undefined, actor: Actor | undefined): void {
  if (!actor) throw unauthenticated();
  const capability = capabilityOf(command);
  if (!may(actor, capability)) {
    throw forbidden(undefined, `Your role (${actor.roles.join(', ')}) may not do this`);
  }
  if (plan && !seesAuthority(actor, plan.localAuthority)) {
    throw noSuchPlan();
  }
  if (command.type === 'CreatePlan' && !seesAuthority(actor, command.data.localAuthority)) {
    throw forbidden('localAuthority', `You may create plans for ${actor.localAuthority} only`);
  }
  if (capability === 'editAction' && 'actionId' in command.data) {
    authorizeOwner(command.data.actionId, plan, actor);
  }
}

function authorizeOwner(actionId: string, plan: Plan | undefined, actor: Actor): void {
  if (may(actor, 'administer') || actor.owns.length === 0) return;
  const action = plan?.actions.get(actionId);
  if (!plan || !action) return; // decide answers NOT_FOUND for it
  // Owners compare as the import compares them (case and punctuation aside), and through the plan's
  // list of owner roles: a user who owns "LIRO" owns the actions of "Lead IRO".
  if (actor.owns.some((owned) => isOwnedBy(plan.ownerRoles, owned, action.owners))) return;
  throw forbidden(
    'actionId',
    `You may change only actions owned by ${actor.owns.join(', ')}; this one is owned by ` +
      (action.owners.length > 0 ? action.owners.join(', ') : 'nobody yet'),
  );
}
