import { DEFAULT_STALE_AFTER_DAYS, staleness, type Staleness } from '../../reports/domain/stale.js';
import {
  formatDay,
  inspectionText,
  RAG_ORDER,
  RAG_STYLE,
  themeTitle,
} from '../../reports/presentation/display.js';
import { anyFilter, keepAction, type OverviewFilters } from './overview-filters.js';
import type { BoardMeetingItem, OverviewAction, OverviewPlan } from './plan-overview.query.js';
import { layoutRagBar, type RagBar } from './rag-bar.js';

/** An action as its table row shows it: what the API answered, with staleness and its latest note. */
export interface OverviewRow extends Omit<OverviewAction, 'createdAt' | 'progressNotes'> {
  readonly stale: Staleness | null;
  readonly latestNote: { readonly text: string; readonly recordedAt: string } | null;
}

export interface OverviewTheme {
  readonly id: string;
  readonly heading: string;
  readonly rows: readonly OverviewRow[];
}

export interface OverviewView {
  readonly inspection: string | null;
  readonly bar: RagBar;
  readonly themes: readonly OverviewTheme[];
  readonly shown: number;
  readonly total: number;
  readonly filtered: boolean;
  /** The board pack's rule: stale after this many days without a progress note. */
  readonly staleAfterDays: number;
  readonly ownerOptions: readonly SelectItem[];
  readonly themeOptions: readonly SelectItem[];
  readonly ragOptions: readonly SelectItem[];
}

/** An option of a GOV.UK select; the first, with an empty value, means "any". */
export interface SelectItem {
  readonly value: string;
  readonly text: string;
}

const squeezed = (text: string) => text.replace(/\s+/g, ' ').trim();
const withoutEndPunctuation = (text: string) => text.replace(/[\s,;:.]+$/, '');

/** A long description or note, cut for the table: its first paragraph, at most `longest` characters. */
export function shortened(text: string, longest = 220): string {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map(squeezed)
    .filter(Boolean);
  const first = paragraphs[0] ?? '';
  if (first.length > longest) {
    return `${withoutEndPunctuation(first.slice(0, longest).replace(/\s+\S*$/, ''))}…`;
  }
  return paragraphs.length > 1 ? `${withoutEndPunctuation(first)}…` : first;
}

function row(action: OverviewAction, asAt: Date): OverviewRow {
  const latest = action.progressNotes.at(-1);
  return {
    id: action.id,
    themeId: action.themeId,
    ref: action.ref,
    description: shortened(action.description),
    owners: action.owners,
    commencing: action.commencing,
    dueBy: action.dueBy,
    rag: action.rag,
    overdue: action.overdue,
    // The board pack's rule, judged at the instant shown.
    stale: staleness(action, asAt, DEFAULT_STALE_AFTER_DAYS),
    latestNote: latest ? { text: shortened(latest.text), recordedAt: latest.recordedAt } : null,
  };
}

/** Every owner a filter can name: the plan's list of owner roles, then any other owner on an action. */
function ownerOptions(plan: OverviewPlan): SelectItem[] {
  const listed = plan.ownerRoles.map((role) => role.name);
  const seen = new Set(listed);
  const others = [...new Set(plan.actions.flatMap((action) => action.owners))]
    .filter((owner) => !seen.has(owner))
    .sort((a, b) => a.localeCompare(b, 'en-GB'));
  return [...listed, ...others].map((owner) => ({ value: owner, text: owner }));
}

/**
 * What the overview shows of a plan as the API answered it: the actions its filters keep (the
 * API's own, by id, then overdue and stale), by theme, judged as at `asAt` (the instant the
 * answer represents). With filters on, themes with no action left are not listed.
 */
export function overviewView(plan: OverviewPlan, filters: OverviewFilters, asAt: Date): OverviewView {
  const matching = new Set(plan.matching.map((action) => action.id));
  const rows = plan.actions
    .filter((action) => matching.has(action.id))
    .map((action) => row(action, asAt))
    .filter((one) => keepAction(filters, one));
  const filtered = anyFilter(filters);
  const themes = plan.themes
    .map((theme) => ({
      id: theme.id,
      heading: themeTitle(theme),
      rows: rows.filter((one) => one.themeId === theme.id),
    }))
    .filter((theme) => !filtered || theme.rows.length > 0);
  return {
    inspection: inspectionText(plan.inspection),
    bar: layoutRagBar(plan.ragSummary),
    themes,
    shown: rows.length,
    total: plan.actions.length,
    filtered,
    staleAfterDays: DEFAULT_STALE_AFTER_DAYS,
    ownerOptions: [{ value: '', text: 'Any owner' }, ...ownerOptions(plan)],
    themeOptions: [
      { value: '', text: 'Any theme' },
      ...plan.themes.map((theme) => ({ value: theme.id, text: themeTitle(theme) })),
    ],
    ragOptions: [
      { value: '', text: 'Any RAG status' },
      ...RAG_ORDER.map(({ rag }) => ({ value: rag, text: RAG_STYLE[rag].label })),
    ],
  };
}

/** The board meetings to pick an as-at point from, oldest first as the plan lists them. */
export const boardMeetingOptions = (meetings: readonly BoardMeetingItem[]): SelectItem[] => [
  { value: '', text: 'Choose a board meeting' },
  ...meetings.map((meeting) => ({
    value: meeting.id,
    text: `${meeting.title} (${formatDay(meeting.heldOn)})`,
  })),
];
