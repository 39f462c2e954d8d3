import type { PlanDiff } from '../../history/domain/plan-diff.js';
import type { Inspection } from '../../plans/domain/events.js';
import type { Evidence } from '../../plans/domain/evidence.js';
import { ukDate, type PlanDate } from '../../plans/domain/plan-date.js';
import {
  activeActions,
  type Action,
  type BoardMeeting,
  type Plan,
  type PlanStatus,
} from '../../plans/domain/plan.js';
import { summariseRag, type RagStatus, type RagSummary } from '../../plans/domain/rag.js';
import { byRef } from './action-ref.js';
import { changesSince, type ChangesSince } from './changes-since.js';
import { overdueness, type Overdue } from './overdue.js';
import { rankStale, staleness, type Staleness } from './stale.js';

/** RAG counts at one instant of the trend, replayed from the events. */
export type TrendPoint = RagSummary & { readonly at: string };

export interface NoteView {
  readonly text: string;
  readonly recordedAt: string;
  readonly effectiveDate: string | null;
  /** The name of who recorded it. */
  readonly actor: string | null;
  /** The documents and measures it cites. */
  readonly evidence: readonly Evidence[];
}

export interface ActionRow {
  readonly ref: string;
  readonly description: string;
  /** Empty when nobody owns the action: boards flag it. */
  readonly owners: readonly string[];
  readonly commencing: PlanDate | null;
  readonly dueBy: PlanDate | null;
  readonly rag: RagStatus;
  readonly latestNote: NoteView | null;
}

export interface ThemeSection {
  readonly number: number;
  readonly title: string | null;
  readonly ragSummary: RagSummary;
  readonly actions: readonly ActionRow[];
}

export type OverdueAction = ActionRow & Overdue;
export type StaleAction = ActionRow & Staleness;

/** Everything a board pack shows, computed once and rendered as HTML or PDF. */
export interface BoardPack {
  readonly planId: string;
  readonly title: string;
  readonly localAuthority: string | null;
  readonly status: PlanStatus;
  readonly inspection: Inspection | null;
  /** The plan's version (events recorded) at `asAt`. */
  readonly version: number;
  /** The instant the plan is shown as recorded at, and its UK day. */
  readonly asAt: string;
  /** The audit trail's head hash (SHA-256) at `version`: minuted, it shows later rewriting. */
  readonly auditTrailHead: string | null;
  readonly asAtDay: string;
  /** The board meeting the pack was prepared for, if any. */
  readonly boardMeeting: BoardMeeting | null;
  /** True when the pack shows the plan now; a pack as at a past point says "at" that point instead. */
  readonly isCurrent: boolean;
  readonly ragSummary: RagSummary;
  readonly themes: readonly ThemeSection[];
  readonly changes: ChangesSince;
  readonly overdue: readonly OverdueAction[];
  /** The stale actions a board can act on first (see rankStale), at most STALE_LISTED. */
  readonly stale: readonly StaleAction[];
  /** The refs of the other stale actions, in ref order. */
  readonly staleNotListed: readonly string[];
  readonly staleAfterDays: number;
  readonly trend: readonly TrendPoint[];
}

export interface BoardPackSources {
  /** The plan as recorded at `asAt`. */
  readonly plan: Plan;
  readonly asAt: Date;
  /** True when `asAt` is now. */
  readonly isCurrent: boolean;
  readonly boardMeeting: BoardMeeting | null;
  /** What history's "what changed since" gave for the period ending at `asAt`. */
  readonly changes: {
    readonly since: string;
    readonly sinceBoardMeeting: BoardMeeting | null;
    readonly diff: PlanDiff;
  };
  readonly trend: readonly TrendPoint[];
  readonly staleAfterDays: number;
  /** The plan's audit-trail head hash once it had `plan.version` events. */
  readonly auditTrailHead?: string;
}

export function buildBoardPack(sources: BoardPackSources): BoardPack {
  const { plan, asAt, staleAfterDays } = sources;
  const asAtDay = ukDate(asAt.toISOString());
  const actions = activeActions(plan).sort(byRef);
  const stale = rankStale(
    actions.flatMap((action) => withRow(action, staleness(action, asAt, staleAfterDays))),
  );
  return {
    planId: plan.id,
    title: plan.title,
    localAuthority: plan.localAuthority,
    status: plan.status,
    inspection: plan.inspection,
    version: plan.version,
    asAt: asAt.toISOString(),
    auditTrailHead: sources.auditTrailHead ?? null,
    asAtDay,
    boardMeeting: sources.boardMeeting,
    isCurrent: sources.isCurrent,
    ragSummary: summariseRag(actions.map((action) => action.rag)),
    themes: plan.themes.map((theme) => {
      const ofTheme = actions.filter((action) => action.themeId === theme.id);
      return {
        number: theme.number,
        title: theme.title,
        ragSummary: summariseRag(ofTheme.map((action) => action.rag)),
        actions: ofTheme.map(actionRow),
      };
    }),
    changes: changesSince(plan, sources.changes),
    overdue: actions.flatMap((action) => withRow(action, overdueness(action, asAtDay))),
    stale: stale.listed,
    staleNotListed: stale.notListed,
    staleAfterDays,
    trend: sources.trend,
  };
}

function actionRow(action: Action): ActionRow {
  const note = action.progressNotes.at(-1);
  return {
    ref: action.ref,
    description: action.description,
    owners: action.owners,
    commencing: action.commencing,
    dueBy: action.dueBy,
    rag: action.rag,
    latestNote: note
      ? {
          text: note.text,
          recordedAt: note.recordedAt,
          effectiveDate: note.effectiveDate,
          actor: note.actor?.name ?? null,
          evidence: note.evidence,
        }
      : null,
  };
}

function withRow<T extends object>(action: Action, finding: T | null): (ActionRow & T)[] {
  return finding ? [{ ...actionRow(action), ...finding }] : [];
}
