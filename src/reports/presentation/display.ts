import type { RagDirection, Schedule } from '../../history/domain/plan-diff.js';
import type { Inspection, Judgement } from '../../plans/domain/events.js';
import type { PlanStatus } from '../../plans/domain/plan.js';
import type { RagStatus, RagSummary } from '../../plans/domain/rag.js';
import type { ActionEdit, Recorded } from '../domain/changes-since.js';

/* Words and colours shared by the HTML and the PDF, so both say the same thing. */

/** Colour is never alone: every RAG carries its label, and chart lines their own dash. */
export const RAG_STYLE: Record<
  RagStatus,
  { label: string; fill: string; ink: string; line: string; dash: number[] }
> = {
  RED: { label: 'Red', fill: '#b42318', ink: '#ffffff', line: '#b42318', dash: [] },
  AMBER: { label: 'Amber', fill: '#f5a524', ink: '#1a1a1a', line: '#c77700', dash: [7, 3] },
  GREEN: { label: 'Green', fill: '#1a7f37', ink: '#ffffff', line: '#1a7f37', dash: [2, 2] },
  BLUE: { label: 'Blue', fill: '#1f5fbf', ink: '#ffffff', line: '#1f5fbf', dash: [9, 3, 2, 3] },
  NOT_RATED: { label: 'Not rated', fill: '#e6e6e6', ink: '#1a1a1a', line: '#6b6b6b', dash: [1, 3] },
};

/** The RAG statuses in the order boards read them, with their RagSummary field. */
export const RAG_ORDER: readonly { rag: RagStatus; count: keyof RagSummary }[] = [
  { rag: 'RED', count: 'red' },
  { rag: 'AMBER', count: 'amber' },
  { rag: 'GREEN', count: 'green' },
  { rag: 'BLUE', count: 'blue' },
  { rag: 'NOT_RATED', count: 'notRated' },
];

export const NO_OWNER = '(no owner)';

const DIRECTIONS: Record<RagDirection, string> = {
  IMPROVED: 'Improved',
  WORSENED: 'Worsened',
  FIRST_RATED: 'First rated',
  RATING_REMOVED: 'Rating removed',
};
const JUDGEMENTS: Record<Judgement, string> = {
  OUTSTANDING: 'Outstanding',
  GOOD: 'Good',
  REQUIRES_IMPROVEMENT: 'Requires improvement',
  INADEQUATE: 'Inadequate',
};
const STATUSES: Record<PlanStatus, string> = { DRAFT: 'Draft', APPROVED: 'Approved', CLOSED: 'Closed' };

const DAY = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const MONTH = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', month: 'long', year: 'numeric' });
const SHORT_DAY = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});
const INSTANT = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

export const ragLabel = (rag: RagStatus) => RAG_STYLE[rag].label;
export const directionLabel = (direction: RagDirection) => DIRECTIONS[direction];
export const statusLabel = (status: PlanStatus) => STATUSES[status];

/** "14 May 2024" for a calendar day "2024-05-14". */
export const formatDay = (day: string) => DAY.format(new Date(`${day}T00:00:00Z`));

/** A plan date as plans write it: "March 2024" or "15 March 2024"; a dash when there is none. */
export function formatPlanDate(value: string | null): string {
  if (value === null) return '—';
  return value.length === 7 ? MONTH.format(new Date(`${value}-01T00:00:00Z`)) : formatDay(value);
}

/** An instant in UK time: "14 May 2024, 23:59". */
export const formatInstant = (instant: string) => INSTANT.format(new Date(instant));

/** A UK date, short: "14 May 2024", for chart axes. */
export const formatShortDay = (instant: string) => SHORT_DAY.format(new Date(instant));

/** "1. Caseloads…"; section 4 of a real plan has no heading. */
export const themeTitle = (theme: { readonly number: number; readonly title: string | null }): string =>
  `${theme.number}. ${theme.title ?? '(no heading)'}`;

export const ownersText = (owners: readonly string[]) => (owners.length > 0 ? owners.join('; ') : NO_OWNER);

export const scheduleText = ({ commencing, dueBy }: Schedule) =>
  `commencing ${formatPlanDate(commencing)}, due by ${formatPlanDate(dueBy)}`;

export function inspectionText(inspection: Inspection | null): string | null {
  if (!inspection) return null;
  const { inspectorate, framework, startDate, endDate, judgement } = inspection;
  const judged = judgement ? `, judged ${JUDGEMENTS[judgement].toLowerCase()}` : '';
  return `${inspectorate} ${framework} inspection, ${formatDay(startDate)} to ${formatDay(endDate)}${judged}`;
}

/** Who recorded something, for changes from before anyone had to sign in. */
export const actorName = (change: Recorded) => change.actor ?? 'Unknown author';

/** The day a change took effect, or a dash when none was given. */
export const effectiveText = (change: Recorded) =>
  change.effectiveDate ? formatDay(change.effectiveDate) : '—';

/** Who recorded a note or change and when: "Sam Patel, 22 Apr 2024, 10:00 (effective 19 April 2024)". */
export function noteByline(change: Recorded): string {
  const effective = change.effectiveDate ? ` (effective ${formatDay(change.effectiveDate)})` : '';
  return `${actorName(change)}, ${formatInstant(change.recordedAt)}${effective}`;
}

/** "92 days later", "30 days earlier", "Not moved"; a dash when the dates cannot be compared. */
export function daysSlippedText(days: number | null): string {
  if (days === null) return '—';
  if (days === 0) return 'Not moved';
  const count = Math.abs(days);
  return `${count} ${count === 1 ? 'day' : 'days'} ${days > 0 ? 'later' : 'earlier'}`;
}

export function editText(edit: ActionEdit): { field: string; from: string; to: string } {
  switch (edit.field) {
    case 'owners':
      return { field: 'Owners', from: ownersText(edit.from), to: ownersText(edit.to) };
    case 'description':
      return { field: 'Description', from: edit.from, to: edit.to };
  }
}

export const ragCountsText = (summary: RagSummary) =>
  RAG_ORDER.map(({ rag, count }) => `${summary[count]} ${ragLabel(rag)}`).join(', ');
