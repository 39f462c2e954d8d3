import type { PlanStatus } from '../../plans/domain/plan.js';

export interface OverviewLink {
  readonly text: string;
  readonly href: string;
}

/** "?a=1&b=2", or nothing at all when there is nothing to carry. */
export const queryString = (pairs: readonly [string, string][]): string =>
  pairs.length === 0 ? '' : `?${new URLSearchParams(pairs).toString()}`;

/**
 * Where the overview leads: the board pack and exports (as at the same point when looking at the
 * past), the audit trail, the trend and the changes between board meetings; for an ADMIN, what
 * changes the plan. Each page or download checks access again: a link is not a permission.
 */
export function overviewLinks(
  plan: { readonly id: string; readonly status: PlanStatus },
  at: { readonly asOf?: string | null; readonly boardMeeting?: string },
): { reports: OverviewLink[]; admin: OverviewLink[] } {
  const base = `/plans/${encodeURIComponent(plan.id)}`;
  const point: [string, string][] = at.boardMeeting
    ? [['boardMeeting', at.boardMeeting]]
    : at.asOf
      ? [['asOf', at.asOf]]
      : [];
  const asOf: [string, string][] = at.asOf ? [['asOf', at.asOf]] : [];
  const reports = [
    { text: 'Board pack (web page)', href: `${base}/board-pack${queryString(point)}` },
    { text: 'Board pack (PDF)', href: `${base}/board-pack.pdf${queryString(point)}` },
    { text: 'Export (CSV)', href: `${base}/export.csv${queryString(asOf)}` },
    { text: 'Export (Excel)', href: `${base}/export.xlsx${queryString(asOf)}` },
    { text: 'Audit trail (CSV)', href: `${base}/history.csv` },
    { text: 'RAG trend', href: `${base}/trend` },
    { text: 'Changes between board meetings', href: `${base}/changes` },
  ];
  // A closed plan can change no more.
  const admin =
    plan.status === 'CLOSED'
      ? []
      : [
          { text: 'Import a spreadsheet into this plan', href: `${base}/import` },
          { text: 'Record a board meeting', href: `${base}/board-meetings/new` },
          ...(plan.status === 'DRAFT' ? [{ text: 'Approve the plan', href: `${base}/approve` }] : []),
          { text: 'Close the plan', href: `${base}/close` },
        ];
  return { reports, admin };
}
