/**
 * Action owners are roles or teams, often several in one cell with no separator:
 * "Service Director Service Manager Operations Team Managers" is three owners. Known roles are found
 * first (longest match, ignoring case and apostrophes, "&" read as "and"); what lies between them is
 * split on "," and on "and"/"&" next to a known role. A remainder that is no known role is kept whole
 * and reported, so that a person can add it to the list or correct the cell.
 */

/** The roles in the Isle of Wight 2024 plan, plus the usual senior roles. */
export const DEFAULT_KNOWN_ROLES: readonly string[] = [
  'Director of Children’s Services',
  'Head of Service',
  'Service Director',
  'Service Manager Operations',
  'Service Manager Children in Care',
  'Service Manager Participation',
  'Service Manager Strategic Development',
  'Team Managers',
  'Children’s Management Team',
  'Lead IRO',
  'LIRO',
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

export interface OwnerSplit {
  readonly owners: string[];
  /** Owners kept as written because they match no known role. */
  readonly unknown: string[];
}

type Item =
  | { readonly kind: 'role'; readonly text: string }
  | { readonly kind: 'word'; readonly text: string }
  | { readonly kind: 'and'; readonly text: string }
  | { readonly kind: 'break' };

function matchKey(word: string): string {
  const key = word.toLowerCase().replace(/['’‘`]/g, '');
  return key === '&' ? 'and' : key;
}

function tokenise(text: string): string[] {
  return text
    .replace(/([,;&])/g, ' $1 ')
    .split(/\s+/)
    .filter((token) => token !== '');
}

/** The number of tokens from `start` that spell a known role, longest first; 0 for none. */
function knownRoleLength(tokens: readonly string[], start: number, roles: readonly string[][]): number {
  let longest = 0;
  for (const role of roles) {
    const fits =
      role.length > longest && role.every((word, offset) => matchKey(tokens[start + offset] ?? '') === word);
    if (fits) longest = role.length;
  }
  return longest;
}

function classify(line: string, roles: readonly string[][]): Item[] {
  const tokens = tokenise(line);
  const items: Item[] = [];
  for (let index = 0; index < tokens.length;) {
    const length = knownRoleLength(tokens, index, roles);
    const token = tokens[index]!;
    if (length > 0) items.push({ kind: 'role', text: tokens.slice(index, index + length).join(' ') });
    else if (token === ',' || token === ';') items.push({ kind: 'break' });
    else if (matchKey(token) === 'and') items.push({ kind: 'and', text: token });
    else items.push({ kind: 'word', text: token });
    index += Math.max(length, 1);
  }
  return items;
}

function splitLine(line: string, roles: readonly string[][], split: OwnerSplit): void {
  const items = classify(line, roles);
  let remainder: string[] = [];
  const flush = () => {
    const owner = remainder.join(' ');
    if (owner !== '') {
      split.owners.push(owner);
      split.unknown.push(owner);
    }
    remainder = [];
  };
  items.forEach((item, index) => {
    if (item.kind === 'word') remainder.push(item.text);
    else if (item.kind === 'and') {
      const [before, after] = [items[index - 1], items[index + 1]];
      const joinsWords = before?.kind === 'word' && after?.kind === 'word';
      if (joinsWords) remainder.push(item.text);
      else flush();
    } else {
      flush();
      if (item.kind === 'role') split.owners.push(item.text);
    }
  });
  flush();
}

function withoutRepeats(owners: readonly string[]): string[] {
  const byKey = new Map<string, string>();
  owners.forEach((owner) => {
    const key = tokenise(owner).map(matchKey).join(' ');
    byKey.set(key, byKey.get(key) ?? owner);
  });
  return [...byKey.values()];
}

/**
 * Splits an owners cell. Line breaks always separate owners (spreadsheets may put one per line).
 * Owners keep the spelling of the document; repeats are dropped, ignoring case and apostrophes.
 */
export function splitOwners(cell: string, knownRoles: readonly string[] = DEFAULT_KNOWN_ROLES): OwnerSplit {
  const roles = knownRoles.map((role) => tokenise(role).map(matchKey)).filter((role) => role.length > 0);
  const split: OwnerSplit = { owners: [], unknown: [] };
  cell.split(/\r?\n/).forEach((line) => splitLine(line, roles, split));
  return { owners: withoutRepeats(split.owners), unknown: withoutRepeats(split.unknown) };
}
