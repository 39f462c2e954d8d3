import type { ListOwnerRole, RetireOwnerRole } from './commands.js';
import { conflict, invalid, notFound } from './errors.js';
import type { PlanEvent } from './events.js';
import { ownerKey } from './owner-names.js';
import { roleNamed, roleOwns, type OwnerRole } from './owner-roles.js';
import { activeActions, type Plan } from './plan.js';
import { LIMITS, reasonText, requiredText } from './text-rules.js';

const spaced = (text: string) => text.replace(/\s+/g, ' ');

/**
 * Lists a role, or replaces the spelling and aliases of one listed under the same name. Every name
 * and alias stands for one role only, so an owner's name never has two readings.
 */
export function listOwnerRole({ data }: ListOwnerRole, plan: Plan): PlanEvent[] {
  const name = requiredText('name', spaced(data.name), LIMITS.shortText);
  const key = ownerKey(name);
  if (key === '') throw invalid('name', 'name must hold letters or digits');
  const others = plan.ownerRoles.filter((role) => ownerKey(role.name) !== key);
  const holder = roleNamed(others, name);
  if (holder) throw invalid('name', `"${name}" is already an alias of "${holder.name}"`);
  const aliases = aliasList(data.aliases ?? [], key, others);
  const current = plan.ownerRoles.find((role) => ownerKey(role.name) === key);
  if (current && current.name === name && sameNames(current.aliases, aliases)) {
    throw invalid('name', `"${name}" is already listed with those aliases`);
  }
  return [{ type: 'OwnerRoleListed', data: { planId: plan.id, name, aliases } }];
}

function aliasList(values: readonly string[], nameKey: string, others: readonly OwnerRole[]): string[] {
  const aliases = new Map<string, string>();
  values.forEach((value, index) => {
    const alias = requiredText(`aliases[${index}]`, spaced(value), LIMITS.shortText);
    const key = ownerKey(alias);
    if (key === '' || key === nameKey) {
      throw invalid('aliases', `"${alias}" is no alias: it reads as the role's own name`);
    }
    const holder = roleNamed(others, alias);
    if (holder) {
      const is = ownerKey(holder.name) === key ? 'the name of another listed role' : 'already an alias of';
      throw invalid('aliases', `"${alias}" is ${is} "${holder.name}"`);
    }
    if (!aliases.has(key)) aliases.set(key, alias);
  });
  if (aliases.size > LIMITS.owners) {
    throw invalid('aliases', `a role can have at most ${LIMITS.owners} aliases`);
  }
  return [...aliases.values()];
}

const sameNames = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((name, index) => name === b[index]);

/** Takes a role off the list, once no action still in the plan is owned by it. */
export function retireOwnerRole({ data }: RetireOwnerRole, plan: Plan): PlanEvent[] {
  const key = ownerKey(data.name ?? '');
  const role = plan.ownerRoles.find((candidate) => ownerKey(candidate.name) === key);
  if (!role) {
    const holder = roleNamed(plan.ownerRoles, data.name ?? '');
    if (holder) {
      throw invalid(
        'name',
        `"${data.name}" is an alias of "${holder.name}": list "${holder.name}" again without it, or retire "${holder.name}"`,
      );
    }
    throw notFound('name', `"${data.name}" is not on the plan's list of owner roles`);
  }
  const owned = activeActions(plan).filter((action) => roleOwns(role, action.owners));
  if (owned.length > 0) {
    const refs = owned.map((action) => action.ref).join(', ');
    throw conflict(
      'name',
      `"${role.name}" still owns action${owned.length > 1 ? 's' : ''} ${refs}: assign other owners first`,
    );
  }
  const reason = reasonText(data.reason);
  return [{ type: 'OwnerRoleRetired', data: { planId: plan.id, name: role.name, reason } }];
}
