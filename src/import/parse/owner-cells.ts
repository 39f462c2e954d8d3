/**
 * An action's owners cell read against the owner names the import knows. With no list of owner
 * roles on the plan, a name that is no known role is kept as written and reported, as it always
 * was; once the plan keeps a list, the import never invents an owner: such a name is a problem
 * (nothing is recorded) naming the closest listed role, so the person corrects the cell or an
 * ADMIN lists the role first.
 */
import { closestRole, type OwnerRole } from '../../plans/domain/owner-roles.js';
import { LIMITS } from '../../plans/domain/text-rules.js';
import { ParseLog, quote } from './parse-log.js';
import { DEFAULT_KNOWN_ROLES, OWNER_ALIASES, splitOwnersCounted } from './owners.js';

/** The owner names cells are split on, and the plan's list of owner roles when it has one. */
export interface OwnerNames {
  readonly roles: readonly string[];
  /** alias → the name it stands for */
  readonly aliases: Readonly<Record<string, string>>;
  /** Null: the plan has no list (or there is no plan yet). */
  readonly list: readonly OwnerRole[] | null;
}

/** The usual roles, extended with any a plan without a list already names. */
export const defaultOwnerNames = (ownersInUse: readonly string[] = []): OwnerNames => ({
  roles: [...new Set([...DEFAULT_KNOWN_ROLES, ...ownersInUse])],
  aliases: OWNER_ALIASES,
  list: null,
});

/** The plan's list of owner roles, with its own aliases: the defaults play no part. */
export const listedOwnerNames = (list: readonly OwnerRole[]): OwnerNames => ({
  roles: list.map((role) => role.name),
  aliases: Object.fromEntries(list.flatMap((role) => role.aliases.map((alias) => [alias, role.name]))),
  list,
});

/** Where the cell is and whose it is, for the messages. */
export interface OwnerCell {
  readonly text: string;
  readonly line: number;
  readonly ref: string;
}

/** Each line names at least one owner: more lines than the limit are refused unread (stops counting there). */
function moreLinesThan(text: string, limit: number): boolean {
  let lines = 0;
  for (let start = 0; start < text.length && lines <= limit;) {
    const end = text.indexOf('\n', start);
    const stop = end < 0 ? text.length : end;
    if (text.slice(start, stop).trim() !== '') lines += 1;
    start = stop + 1;
  }
  return lines > limit;
}

export function readOwnerCell({ text, line, ref }: OwnerCell, names: OwnerNames, log: ParseLog): string[] {
  const tooMany = (count: string) =>
    log.problem(line, `Action ${ref} names ${count} owners; an action can have at most ${LIMITS.owners}`);
  if (moreLinesThan(text, LIMITS.owners)) {
    tooMany(`more than ${LIMITS.owners} lines of`);
    return [];
  }
  const { split, named } = splitOwnersCounted(text, names.roles, names.aliases);
  const { owners, unknown, leftOut } = split;
  if (named > LIMITS.owners) {
    tooMany(String(named));
    return [];
  }
  unknown.forEach((owner) => {
    if (names.list === null) {
      log.warn(line, `Action ${ref}: owner ${quote(owner)} is not a known role; kept as written`);
      return;
    }
    const closest = closestRole(names.list, owner);
    log.problem(
      line,
      `Action ${ref}: owner ${quote(owner)} is not on the plan's list of owner roles` +
        (closest ? `; did you mean "${closest.name}"?` : '') +
        ' (correct the cell, or list the role with listOwnerRole first)',
    );
  });
  leftOut.forEach(({ text: words, between: [before, after] }) =>
    log.warn(
      line,
      `Action ${ref}: ${quote(words)} between ${quote(before)} and ${quote(after)} is not a known ` +
        'role; left out of the owners (if it is an owner, separate it with a comma)',
    ),
  );
  if (owners.length === 0) log.warn(line, `Action ${ref} has no action owner`);
  return names.list === null ? owners : owners.filter((owner) => !unknown.includes(owner));
}
