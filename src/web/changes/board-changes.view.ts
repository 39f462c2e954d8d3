import type { Evidence } from '../../plans/domain/evidence.js';
import { evidenceLabel } from '../../plans/domain/evidence.js';
import {
  changesSince,
  type ChangesSince,
  type DiffToShow,
  type Recorded,
} from '../../reports/domain/changes-since.js';
import {
  NET_RAG_NOTE,
  netDirectionText,
  otherChangeRows,
  periodStartText,
  RAG_MOVEMENTS_NOTE,
  shortDescription,
  sinceText,
  SLIPPAGE_RULE,
} from '../../reports/presentation/board-pack-text.js';
import {
  actorName,
  daysSlippedText,
  directionLabel,
  effectiveText,
  formatDay,
  formatInstant,
  noteByline,
  scheduleText,
} from '../../reports/presentation/display.js';
import type { EvidenceAnswer } from '../graphql-fields.js';
import type { ChangesPlan, PlanChangesAnswer } from './board-changes.query.js';

const evidenceOf = (item: EvidenceAnswer): Evidence =>
  item.kind === 'MEASURE'
    ? { kind: 'MEASURE', title: item.title, value: item.value ?? '', period: item.period ?? '' }
    : { kind: 'DOCUMENT', title: item.title, reference: item.reference, url: item.url };

/**
 * The API's answer worded by the board pack's own `changesSince`, so the page and the pack say the
 * same sentences; only the evidence needs its kinds told apart again.
 */
export function boardChanges(plan: ChangesPlan, answer: PlanChangesAnswer): ChangesSince {
  const diff: DiffToShow = {
    ...answer,
    ragMovements: answer.ragMovements.map((movement) => ({
      ...movement,
      evidence: movement.evidence.map(evidenceOf),
    })),
    newProgressNotes: answer.newProgressNotes.map(({ action, note }) => ({
      action,
      note: { ...note, evidence: note.evidence.map(evidenceOf) },
    })),
  };
  return changesSince(plan, { since: answer.since, sinceBoardMeeting: answer.sinceBoardMeeting, diff });
}

/** Evidence as the page lists it: a link only for a web address. */
const evidenceItems = (evidence: readonly Evidence[]) =>
  evidence.map((item) => ({
    label: evidenceLabel(item),
    url:
      item.kind === 'DOCUMENT' && item.url !== null && /^https?:\/\/[^/\s]/i.test(item.url) ? item.url : null,
  }));

const recordedText = (change: Recorded) => ({
  by: actorName(change),
  at: formatInstant(change.recordedAt),
  effective: effectiveText(change),
});

/** Where the period ends, in the words of its start: "Now" or "At the May board (14 May 2024)". */
const periodEndText = (until: { meeting: ChangesPlan['boardMeetings'][number] | undefined }) =>
  until.meeting ? `At the ${until.meeting.title} (${formatDay(until.meeting.heldOn)})` : 'Now';

/** Each action the answer names, by ref: a row's ref links to the action's page. */
function actionPages(answer: PlanChangesAnswer): (row: { ref: string }) => string | null {
  const actions = [
    ...[answer.ragMovements, answer.netRagChanges, answer.newProgressNotes, answer.slippedActions]
      .flat()
      .map((change) => change.action),
    ...[answer.ownerChanges, answer.descriptionChanges].flat().map((change) => change.action),
    ...answer.addedActions,
    ...answer.withdrawnActions,
  ];
  const ids = new Map(actions.map((action) => [action.ref, action.id]));
  return ({ ref }) => (ids.has(ref) ? `/actions/${encodeURIComponent(ids.get(ref)!)}` : null);
}

/** Everything the changes page shows, worded as the board pack words it. */
export function boardChangesContent(plan: ChangesPlan, answer: PlanChangesAnswer, untilMeetingId: string) {
  const changes = boardChanges(plan, answer);
  const href = actionPages(answer);
  const meeting = plan.boardMeetings.find((candidate) => candidate.id === untilMeetingId);
  return {
    heading: `Changes ${sinceText(changes)}${meeting ? ` until the ${meeting.title} (${formatDay(meeting.heldOn)})` : ' until now'}`,
    period: {
      start: periodStartText(changes),
      end: periodEndText({ meeting }),
      until: formatInstant(answer.until),
    },
    ragSummaryBefore: answer.ragSummaryBefore,
    ragSummaryAfter: answer.ragSummaryAfter,
    notes: { movements: RAG_MOVEMENTS_NOTE, net: NET_RAG_NOTE, slippage: SLIPPAGE_RULE },
    movements: changes.ragMovements.map((movement) => ({
      ...movement,
      href: href(movement),
      direction: directionLabel(movement.direction),
      evidence: evidenceItems(movement.evidence),
      recorded: recordedText(movement),
    })),
    net: changes.netRagChanges.map((change) => ({
      ...change,
      href: href(change),
      direction: netDirectionText(change),
    })),
    newNotes: changes.newNotes.map((note) => ({
      ...note,
      href: href(note),
      evidence: evidenceItems(note.evidence),
      byline: noteByline(note),
    })),
    others: otherChangeRows(changes).map((row) => ({ ...row, href: href(row) })),
    slipped: changes.slipped.map((slipped) => ({
      ref: slipped.ref,
      href: href(slipped),
      description: shortDescription(slipped.description),
      from: scheduleText(slipped.from),
      to: scheduleText(slipped.to),
      moved: daysSlippedText(slipped.daysSlipped),
      reschedules: slipped.reschedules.map((step) => ({ reason: step.reason, byline: noteByline(step) })),
    })),
  };
}
