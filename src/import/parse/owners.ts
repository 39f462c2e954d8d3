/**
 * Action owners are roles or teams, often several in one cell with no separator:
 * "Service Director Service Manager Operations Team Managers" is three owners. Known roles and their
 * aliases are found first (longest match, ignoring case and punctuation, "&" read as "and") and
 * written as the list spells them, so "LIRO" and "lead iro" both become "Lead IRO". What lies between
 * them is split on ",", ";", "/" and on "and"/"&" next to a known role. A remainder that stands on its
 * own is kept whole as written and reported, so that a person can add it to the list or correct the
 * cell; words squeezed between two known roles with nothing to separate them are no owner of their
 * own (which neighbour they belong to cannot be told), so they are reported and left out.
 */
import { matchKey, ownerKey, SEPARATORS, tokenise } from '../../plans/domain/owner-names.js';

/** The roles in the Isle of Wight 2024 plan, plus the usual senior roles, spelled as owners show. */
export const DEFAULT_KNOWN_ROLES: readonly string[] = [
  "Director of Children's Services",
  'Head of Service',
  'Service Director',
  'Service Manager Operations',
  'Service Manager Children in Care',
  'Service Manager Participation',
  'Service Manager Strategic Development',
  'Team Managers',
  "Children's Management Team",
  'Lead IRO',
  'Principal Social Worker',
  'Learning and Development Team',
  'Legal Services',
  'Virtual School Head',
  'Permanency Team',
  'Care Leavers Team',
  'Participation Leads',
  'Elected Members',
  'IOWSCP',
  'DaiT Manager',
];

/**
 * Other names councils write for a known role (alias → role). Case and punctuation never need an
 * alias ("CHILDRENS MANAGEMENT TEAM" already matches); the first entry is here because plans write
 * it so often.
 */
export const OWNER_ALIASES: Readonly<Record<string, string>> = {
  'Childrens Management Team': "Children's Management Team",
  LIRO: 'Lead IRO',
  DCS: "Director of Children's Services",
  PSW: 'Principal Social Worker',
  VSH: 'Virtual School Head',
};

export interface OwnerSplit {
  /** In the document's order; known roles as the list spells them, others as written. */
  readonly owners: string[];
  /** Owners kept as written because they match no known role. */
  readonly unknown: string[];
  /** Words between two known roles that are no owner of their own: reported and left out. */
  readonly leftOut: LeftOutWords[];
}

export interface LeftOutWords {
  readonly text: string;
  readonly between: readonly [string, string];
}

/** A known role or alias as the tokens that spell it, and the name it stands for. */
interface RoleName {
  readonly keys: readonly string[];
  readonly name: string;
}

type Item =
  | { readonly kind: 'role'; readonly name: string }
  | { readonly kind: 'word'; readonly text: string }
  | { readonly kind: 'and'; readonly text: string }
  | { readonly kind: 'break' };

function roleNames(knownRoles: readonly string[], aliases: Readonly<Record<string, string>>): RoleName[] {
  const names = [
    ...knownRoles.map((role) => ({ keys: tokenise(role).map(matchKey), name: role.trim() })),
    ...Object.entries(aliases).map(([alias, role]) => ({ keys: tokenise(alias).map(matchKey), name: role })),
  ];
  const byKey = new Map<string, RoleName>();
  names.forEach((role) => {
    const key = role.keys.join(' ');
    if (key !== '' && !byKey.has(key)) byKey.set(key, role);
  });
  return [...byKey.values()];
}

/** The longest known role spelled by the tokens from `start`; undefined for none. */
function knownRoleAt(tokens: readonly string[], start: number, roles: readonly RoleName[]) {
  let longest: RoleName | undefined;
  for (const role of roles) {
    const fits =
      role.keys.length > (longest?.keys.length ?? 0) &&
      role.keys.every((key, offset) => matchKey(tokens[start + offset] ?? '') === key);
    if (fits) longest = role;
  }
  return longest;
}

function classify(line: string, roles: readonly RoleName[]): Item[] {
  const tokens = tokenise(line);
  const items: Item[] = [];
  for (let index = 0; index < tokens.length;) {
    const role = knownRoleAt(tokens, index, roles);
    const token = tokens[index]!;
    if (role) items.push({ kind: 'role', name: role.name });
    else if (SEPARATORS.has(token)) items.push({ kind: 'break' });
    else if (matchKey(token) === 'and') items.push({ kind: 'and', text: token });
    else items.push({ kind: 'word', text: token });
    index += role?.keys.length ?? 1;
  }
  return items;
}

function splitLine(line: string, roles: readonly RoleName[], split: OwnerSplit): void {
  const items = classify(line, roles);
  let remainder: string[] = [];
  let roleBefore: string | null = null;
  const flush = (roleAfter: string | null) => {
    const text = remainder.join(' ');
    remainder = [];
    if (text === '') return;
    if (roleBefore !== null && roleAfter !== null) {
      split.leftOut.push({ text, between: [roleBefore, roleAfter] });
    } else {
      split.owners.push(text);
      split.unknown.push(text);
    }
  };
  items.forEach((item, index) => {
    const [before, after] = [items[index - 1], items[index + 1]];
    const joinsWords = item.kind === 'and' && before?.kind === 'word' && after?.kind === 'word';
    if (item.kind === 'word' || joinsWords) {
      remainder.push(item.text);
      return;
    }
    const role = item.kind === 'role' ? item.name : null;
    flush(role);
    roleBefore = role;
    if (role !== null) split.owners.push(role);
  });
  flush(null);
}

function withoutRepeats(owners: readonly string[]): string[] {
  const byKey = new Map<string, string>();
  owners.forEach((owner) => byKey.set(ownerKey(owner), byKey.get(ownerKey(owner)) ?? owner));
  return [...byKey.values()];
}

/**
 * Splits an owners cell. Line breaks always separate owners (spreadsheets may put one per line).
 * Repeats are dropped, ignoring case and punctuation; `named` counts them all, as the limit does.
 */
export function splitOwnersCounted(
  cell: string,
  knownRoles: readonly string[] = DEFAULT_KNOWN_ROLES,
  aliases: Readonly<Record<string, string>> = OWNER_ALIASES,
): { readonly split: OwnerSplit; readonly named: number } {
  const roles = roleNames(knownRoles, aliases);
  const split: OwnerSplit = { owners: [], unknown: [], leftOut: [] };
  cell.split(/\r?\n/).forEach((line) => splitLine(line, roles, split));
  return {
    split: {
      owners: withoutRepeats(split.owners),
      unknown: withoutRepeats(split.unknown),
      leftOut: split.leftOut,
    },
    named: split.owners.length,
  };
}

export const splitOwners = (...args: Parameters<typeof splitOwnersCounted>): OwnerSplit =>
  splitOwnersCounted(...args).split;

/** The role an owner's name stands for, through the aliases; the name itself when it is no alias. */
function canonicalKey(name: string, aliases: Readonly<Record<string, string>>): string {
  const key = ownerKey(name);
  const alias = Object.keys(aliases).find((candidate) => ownerKey(candidate) === key);
  return alias === undefined ? key : ownerKey(aliases[alias]!);
}

/** Two owner lists name the same owners in the same order ("LIRO" is "Lead IRO"). */
export function sameOwnerNames(
  a: readonly string[],
  b: readonly string[],
  aliases: Readonly<Record<string, string>> = OWNER_ALIASES,
): boolean {
  return (
    a.length === b.length &&
    a.every((owner, index) => canonicalKey(owner, aliases) === canonicalKey(b[index] ?? '', aliases))
  );
}
