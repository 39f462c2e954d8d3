import type { ListOwnerRole, RetireOwnerRole } from '../../src/plans/domain/commands.js';
import type { OwnerRoleListed, OwnerRoleRetired } from '../../src/plans/domain/events.js';
import { PLAN_ID } from './plan-builders.js';

/** Builders for a plan's list of owner roles: "Lead IRO", also written "LIRO", unless a test says otherwise. */
export const LEAD_IRO = 'Lead IRO';

export const ownerRoleListed = (
  name = LEAD_IRO,
  aliases: string[] = name === LEAD_IRO ? ['LIRO'] : [],
): OwnerRoleListed => ({ type: 'OwnerRoleListed', data: { planId: PLAN_ID, name, aliases } });

export const ownerRoleRetired = (
  name = LEAD_IRO,
  reason = 'Post deleted in the restructure',
): OwnerRoleRetired => ({
  type: 'OwnerRoleRetired',
  data: { planId: PLAN_ID, name, reason },
});

export const listOwnerRole = (name = LEAD_IRO, aliases?: string[] | null): ListOwnerRole => ({
  type: 'ListOwnerRole',
  data: { planId: PLAN_ID, name, aliases: aliases === undefined && name === LEAD_IRO ? ['LIRO'] : aliases },
});

export const retireOwnerRole = (
  name = LEAD_IRO,
  reason = 'Post deleted in the restructure',
): RetireOwnerRole => ({ type: 'RetireOwnerRole', data: { planId: PLAN_ID, name, reason } });
