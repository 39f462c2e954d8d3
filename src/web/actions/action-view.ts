import type { RagStatus } from '../../plans/domain/rag.js';
import {
  DEFAULT_STALE_AFTER_DAYS,
  staleness,
  type QuietAction,
  type Staleness,
} from '../../reports/domain/stale.js';
import type { EvidenceAnswer } from '../graphql-fields.js';

/** The fields of an action that My actions and the action page both show. */
export const ACTION_FIELDS = /* GraphQL */ `
  id
  planId
  themeId
  ref
  description
  owners
  commencing
  dueBy
  rag
  overdue
  version
  createdAt
`;

export interface NoteView {
  readonly id: string;
  readonly text: string;
  readonly recordedAt: string;
  readonly effectiveDate: string | null;
  readonly actor: { readonly name: string } | null;
  readonly evidence?: readonly EvidenceAnswer[];
}

export interface ActionView {
  readonly id: string;
  readonly planId: string;
  readonly themeId: string;
  readonly ref: string;
  readonly description: string;
  readonly owners: readonly string[];
  readonly commencing: string | null;
  readonly dueBy: string | null;
  readonly rag: RagStatus;
  readonly overdue: boolean;
  readonly version: number;
  readonly createdAt: string;
  readonly progressNotes: readonly NoteView[];
}

/** Stale as the board pack says it: no progress note recorded for six weeks (the same rule, reused). */
export const staleOf = (action: QuietAction, now: Date): Staleness | null =>
  staleness(action, now, DEFAULT_STALE_AFTER_DAYS);

/** An action with what needs attention worked out once for the page. */
export interface MarkedAction<T extends ActionView = ActionView> {
  readonly action: T;
  readonly stale: Staleness | null;
  readonly latestNote: NoteView | null;
}

export const marked = <T extends ActionView>(action: T, now: Date): MarkedAction<T> => ({
  action,
  stale: staleOf(action, now),
  latestNote: action.progressNotes.at(-1) ?? null,
});
