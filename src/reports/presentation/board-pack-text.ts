import type { BoardPack, OverdueAction, StaleAction } from '../domain/board-pack.js';
import type { ChangesSince, NetRagChangeRow } from '../domain/changes-since.js';
import { byRef } from '../domain/action-ref.js';
import { STALE_LISTED } from '../domain/stale.js';
import { directionLabel, editText, formatDay, formatInstant, formatPlanDate, ragLabel } from './display.js';

/* The sentences of a board pack, shared by the HTML and the PDF. */

export function asAtText(pack: BoardPack): string {
  const recorded = `the plan as recorded by ${formatInstant(pack.asAt)} (UK time), version ${pack.version}`;
  if (!pack.boardMeeting) return `As at ${formatDay(pack.asAtDay)}: ${recorded}`;
  const { title, heldOn } = pack.boardMeeting;
  return `For the ${title} on ${formatDay(heldOn)}: ${recorded}`;
}

/** The head hash, for the board to write into its minutes; null when the pack has none. */
export function auditTrailHeadText(pack: BoardPack): string | null {
  if (!pack.auditTrailHead) return null;
  const point = `version ${pack.version}, ${formatInstant(pack.asAt)} (UK time)`;
  return `Audit trail head (SHA-256) at ${point}: ${pack.auditTrailHead}`;
}

export const AUDIT_TRAIL_HEAD_NOTE =
  'Written into the minutes, this hash lets anyone detect a later rewriting of the plan’s history up to ' +
  'this point, even by someone with access to the database (npm run verify -- --expect-head).';

export function sinceText(changes: ChangesSince): string {
  if (changes.sinceBoardMeeting) {
    const { title, heldOn } = changes.sinceBoardMeeting;
    return `since the ${title} (${formatDay(heldOn)})`;
  }
  if (changes.sincePlanCreated) return 'since the plan was created';
  return `since ${formatInstant(changes.since)}`;
}

/** Where the period of "what changed" starts, as a column heading. */
export function periodStartText(changes: ChangesSince): string {
  if (changes.sinceBoardMeeting) {
    const { title, heldOn } = changes.sinceBoardMeeting;
    return `At the ${title} (${formatDay(heldOn)})`;
  }
  if (changes.sincePlanCreated) return 'When the plan was created';
  return `At ${formatInstant(changes.since)}`;
}

/** Where the pack stands, as a column heading: "Now", "At the May board (14 May 2024)", "At 14 May 2024". */
export function asAtColumn(pack: BoardPack): string {
  if (pack.boardMeeting) {
    const { title, heldOn } = pack.boardMeeting;
    return `At the ${title} (${formatDay(heldOn)})`;
  }
  return pack.isCurrent ? 'Now' : `At ${formatDay(pack.asAtDay)}`;
}

export const RAG_MOVEMENTS_NOTE =
  'Every RAG change in the period, by ref and then in the order recorded, with who recorded it, when, ' +
  'and the day it took effect when one was given: a change that was later reversed still shows.';

export const NET_RAG_NOTE =
  'Each action whose RAG differs between the start and the end of the period (an action added in the ' +
  'period counts from the RAG it was added with).';

/** "Worsened", or "Worsened (since added)" for an action added in the period. */
export const netDirectionText = (change: NetRagChangeRow) =>
  `${directionLabel(change.direction)}${change.addedInPeriod ? ' (since added)' : ''}`;

/** The slippage rule in a sentence, printed above the list (see history/domain/slippage.ts). */
export const SLIPPAGE_RULE =
  'Actions whose commencing or due-by date was changed in the period, with every reason given. Moved: ' +
  'from the last day of the due-by date before to the last day of the due-by date after (a month counts ' +
  'to its last day), or the commencing dates where there is no due-by date on both sides.';

/** The overdue rule in a sentence, printed above the list (see domain/overdue.ts). */
export const OVERDUE_RULE =
  'Not Green or Blue, and past the due-by date; or, with no due-by date, past the commencing month while still Not rated or Red.';

const days = (count: number) => `${count} ${count === 1 ? 'day' : 'days'}`;

export function overdueText(action: OverdueAction): string {
  const ago = `ended ${formatDay(action.lastDay)}, ${days(action.daysOverdue)} ago`;
  if (action.rule === 'DUE_BY_PASSED') return `Due by ${formatPlanDate(action.date)} (${ago})`;
  return `Commencing ${formatPlanDate(action.date)} (${ago}) and still ${ragLabel(action.rag)}`;
}

export function staleText(action: StaleAction): string {
  if (action.lastNoteAt === null) {
    return `No progress note since it was added on ${formatInstant(action.quietSince)} (${days(action.daysQuiet)})`;
  }
  return `Last progress note ${formatInstant(action.lastNoteAt)} (${days(action.daysQuiet)} ago)`;
}

export const staleHeading = (pack: BoardPack) =>
  `Stale actions: no progress note in the last ${days(pack.staleAfterDays)}`;

/** The stale ranking in a sentence, printed above the list (see domain/stale.ts). */
export const STALE_RULE =
  `Ranked for the board to act on: Red first, then Not rated, Amber and Green; within each, the longest ` +
  `without a note first. At most ${STALE_LISTED} are listed; any others are named below the list.`;

/** The stale actions beyond the list, by ref; null when every one is listed. */
export function staleNotListedText(pack: BoardPack): string | null {
  const rest = pack.staleNotListed;
  if (rest.length === 0) return null;
  return `Also stale, not listed (${rest.length}): ${rest.join(', ')}.`;
}

/** An action's description cut to a line, for lists that point back to the full table. */
export function shortDescription(text: string, length = 140): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= length ? flat : `${flat.slice(0, length - 1).trimEnd()}…`;
}

/** Added and withdrawn actions and other edits, one row each, in ref order. */
export function otherChangeRows(
  changes: ChangesSince,
): { ref: string; field: string; from: string; to: string }[] {
  const rows = [
    ...changes.addedActions.map(({ ref, description, rag }) => ({
      ref,
      field: 'Action added',
      from: '—',
      to: `${shortDescription(description)} (${ragLabel(rag)})`,
    })),
    ...changes.withdrawnActions.map(({ ref, description }) => ({
      ref,
      field: 'Action withdrawn',
      from: shortDescription(description),
      to: '—',
    })),
    ...changes.edits.map((edit) => ({ ref: edit.ref, ...editText(edit) })),
  ];
  return rows.sort(byRef);
}
