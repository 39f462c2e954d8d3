import { invalid } from './errors.js';
import type { OwnerRoleListed, OwnerRoleRetired } from './events.js';
import { ownerKey } from './owner-names.js';

/**
 * A plan's managed list of owner roles, kept by an ADMIN. Once a plan has one, its actions are owned
 * only by roles on it, written as the list spells them ("LIRO" is recorded as "Lead IRO"), so that
 * filters, owner scoping and board packs never see two spellings of one role or a name nobody
 * chose. A plan with no list accepts any name, as every plan did before lists existed; retiring its
 * last role ends the list rather than leaving a plan in which no owner can be named.
 */
export interface OwnerRole {
  readonly name: string;
  /** Other names councils write for the role; compared, like names, ignoring case and punctuation. */
  readonly aliases: readonly string[];
}

/** The list once a role was listed (added, or its spelling and aliases replaced) or retired. */
export function withOwnerRoles(
  roles: readonly OwnerRole[],
  event: OwnerRoleListed | OwnerRoleRetired,
): readonly OwnerRole[] {
  const key = ownerKey(event.data.name);
  if (event.type === 'OwnerRoleRetired') return roles.filter((role) => ownerKey(role.name) !== key);
  const listed: OwnerRole = { name: event.data.name, aliases: event.data.aliases };
  return roles.some((role) => ownerKey(role.name) === key)
    ? roles.map((role) => (ownerKey(role.name) === key ? listed : role))
    : [...roles, listed];
}

/** Every name a role answers to: its own and its aliases. */
export const namesOf = (role: OwnerRole): readonly string[] => [role.name, ...role.aliases];

/** The role an owner's name stands for, by its name or an alias, ignoring case and punctuation. */
export function roleNamed(roles: readonly OwnerRole[], name: string): OwnerRole | undefined {
  const key = ownerKey(name);
  return roles.find((role) => namesOf(role).some((candidate) => ownerKey(candidate) === key));
}

/** Does this role own an action with these owners (as recorded, perhaps before the list, by an alias)? */
export const roleOwns = (role: OwnerRole, owners: readonly string[]): boolean =>
  owners.some((owner) => namesOf(role).some((name) => ownerKey(name) === ownerKey(owner)));

/**
 * Is an action with these owners owned by the owner asked about? By the role's name or any alias when
 * the owner is listed (so "LIRO" finds actions recorded as "Lead IRO"); else by the name itself. Case
 * and punctuation never matter.
 */
export function isOwnedBy(roles: readonly OwnerRole[], owner: string, owners: readonly string[]): boolean {
  const role = roleNamed(roles, owner);
  return role ? roleOwns(role, owners) : owners.some((name) => ownerKey(name) === ownerKey(owner));
}

/**
 * Owners as a plan with a list records them: each as its role's listed name, repeats dropped. A name
 * on no list is refused with the closest listed role, if one is close, so a typo is easily put right.
 * With no list, the owners are recorded as given.
 */
export function listedOwners(roles: readonly OwnerRole[], owners: readonly string[]): string[] {
  if (roles.length === 0) return [...owners];
  const listed = owners.map((owner) => {
    const role = roleNamed(roles, owner);
    if (role) return role.name;
    const closest = closestRole(roles, owner);
    throw invalid(
      'owners',
      `"${owner}" is not on the plan's list of owner roles` +
        (closest ? `; did you mean "${closest.name}"?` : '') +
        ' (an ADMIN can add it with listOwnerRole)',
    );
  });
  return [...new Set(listed)];
}

/**
 * The listed role whose name or alias is nearest the unknown name: one sharing a word with it, or
 * within a third of its length in single-letter edits ("Team" suggests "Team Managers", "Lead IRP"
 * suggests "Lead IRO"; "Police" suggests nothing rather than something unrelated).
 */
export function closestRole(roles: readonly OwnerRole[], name: string): OwnerRole | undefined {
  const key = ownerKey(name);
  const words = new Set(key.split(' '));
  let best: { role: OwnerRole; distance: number } | undefined;
  for (const role of roles) {
    for (const candidate of namesOf(role).map(ownerKey)) {
      const distance = editDistance(key, candidate);
      const sharesWord = candidate.split(' ').some((word) => words.has(word));
      const near = distance <= Math.max(key.length, candidate.length) / 3;
      if ((sharesWord || near) && (!best || distance < best.distance)) best = { role, distance };
    }
  }
  return best?.role;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}
