import type { RagStatus } from '../../plans/domain/rag.js';
import { RAG_ORDER } from '../../reports/presentation/display.js';

/** The overview's filters, as the query string carries them (a GET form: they work without JS). */
export interface OverviewFilters {
  readonly rag: RagStatus | null;
  readonly owner: string | null;
  readonly themeId: string | null;
  readonly overdue: boolean;
  readonly stale: boolean;
  readonly unassigned: boolean;
}

/** The checkboxes share one name, `show`, as GOV.UK checkboxes do. */
export const SHOW_OPTIONS = ['overdue', 'stale', 'unassigned'] as const;

const RAGS = new Set<string>(RAG_ORDER.map(({ rag }) => rag));
const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
const many = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value]).filter((one): one is string => typeof one === 'string');

/** Unknown values (a hand-edited URL) are ignored rather than refused: a filter only narrows. */
export function readFilters(query: Readonly<Record<string, unknown>>): OverviewFilters {
  const rag = text(query.rag);
  const show = new Set(many(query.show));
  return {
    rag: RAGS.has(rag) ? (rag as RagStatus) : null,
    owner: text(query.owner) || null,
    themeId: text(query.theme) || null,
    overdue: show.has('overdue'),
    stale: show.has('stale'),
    unassigned: show.has('unassigned'),
  };
}

export const anyFilter = (filters: OverviewFilters): boolean =>
  Object.values(filters).some((value) => value !== null && value !== false);

/** The filters as query-string pairs, to keep them when the as-at point changes. */
export function filterQuery(filters: OverviewFilters): [string, string][] {
  const pairs: [string, string][] = [];
  if (filters.rag) pairs.push(['rag', filters.rag]);
  if (filters.owner) pairs.push(['owner', filters.owner]);
  if (filters.themeId) pairs.push(['theme', filters.themeId]);
  for (const option of SHOW_OPTIONS) if (filters[option]) pairs.push(['show', option]);
  return pairs;
}

/** What the API's own filters cannot say: overdue (its field) and stale (the board pack's rule). */
export function keepAction(
  filters: OverviewFilters,
  action: { readonly overdue: boolean; readonly stale: unknown },
): boolean {
  return (!filters.overdue || action.overdue) && (!filters.stale || action.stale !== null);
}
