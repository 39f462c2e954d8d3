import type { RecordedActor } from '../../auth/domain/actor.js';
import type { ChangeContext, PlanEvent, PlanEventType } from '../../plans/domain/events.js';
import { evidenceOf, type Evidence } from '../../plans/domain/evidence.js';
import type { PlanDate } from '../../plans/domain/plan-date.js';
import { ownerKey } from '../../plans/domain/owner-names.js';
import type { Action, Plan } from '../../plans/domain/plan.js';
import type { RagStatus } from '../../plans/domain/rag.js';

/** What kind of change an event made, as auditors and boards name it. */
export const CHANGE_KINDS = {
  PlanCreated: 'PLAN_CREATED',
  PlanApproved: 'PLAN_APPROVED',
  PlanClosed: 'PLAN_CLOSED',
  ThemeAdded: 'THEME_ADDED',
  ThemeRevised: 'THEME_REVISED',
  ActionAdded: 'ACTION_ADDED',
  RagStatusChanged: 'RAG_CHANGED',
  ProgressNoteAdded: 'PROGRESS_NOTE_ADDED',
  ActionOwnersAssigned: 'OWNERS_ASSIGNED',
  ActionRescheduled: 'RESCHEDULED',
  ActionDescriptionRevised: 'DESCRIPTION_REVISED',
  ActionWithdrawn: 'ACTION_WITHDRAWN',
  BoardMeetingRecorded: 'BOARD_MEETING_RECORDED',
  TextRedacted: 'TEXT_REDACTED',
  OwnerRoleListed: 'OWNER_ROLE_LISTED',
  OwnerRoleRetired: 'OWNER_ROLE_RETIRED',
} as const satisfies Record<PlanEventType, string>;

export type ChangeKind = (typeof CHANGE_KINDS)[PlanEventType];

/** An action's dates, each optional: "Commencing December 2023", "Due by June 2024". */
export interface Schedule {
  readonly commencing: PlanDate | null;
  readonly dueBy: PlanDate | null;
}

/** What changed, in words: the field and its old and new value as display strings. */
export interface ChangeDescription {
  readonly kind: ChangeKind;
  readonly actionId: string | null;
  readonly actionRef: string | null;
  readonly field: string | null;
  readonly from: string | null;
  readonly to: string | null;
  readonly reason: string | null;
  /** The RAG status before and after, for RAG filters; an action added with a RAG has only `ragTo`. */
  readonly ragFrom: RagStatus | null;
  readonly ragTo: RagStatus | null;
  /**
   * The dates before and after, for slippage: a reschedule has both, an action added has only
   * `scheduleTo` (the dates it was planned with), any other change neither.
   */
  readonly scheduleFrom: Schedule | null;
  readonly scheduleTo: Schedule | null;
  /** What a RAG change or a note cites; empty for other changes and for those citing nothing. */
  readonly evidence: readonly Evidence[];
}

/** One entry of a plan's audit history: the description plus who, when and where in the log. */
export interface PlanChange extends ChangeDescription {
  readonly planId: string;
  readonly eventId: string;
  readonly position: bigint;
  /** The plan's version once this change was recorded. */
  readonly version: number;
  readonly recordedAt: string;
  readonly effectiveDate: string | null;
  readonly actor: RecordedActor | null;
  readonly correlationId: string | null;
}

const NO_RAG = { ragFrom: null, ragTo: null };
const NO_SCHEDULE = { scheduleFrom: null, scheduleTo: null };

const owners = (names: readonly string[]) => (names.length > 0 ? names.join('; ') : '(no owner)');
/** "Lead IRO (also: LIRO, Lead Independent Reviewing Officer)" */
const ownerRole = ({ name, aliases }: { name: string; aliases: readonly string[] }) =>
  aliases.length > 0 ? `${name} (also: ${aliases.join(', ')})` : name;
const schedule = (action: Schedule) =>
  `commencing ${action.commencing ?? '—'}, due by ${action.dueBy ?? '—'}`;
const datesOf = ({ commencing, dueBy }: Schedule): Schedule => ({ commencing, dueBy });

/** Describes an event from the plan before and after it; pure, so history never drifts from events. */
export function describeChange(event: PlanEvent, before: Plan | undefined, after: Plan): ChangeDescription {
  const kind = CHANGE_KINDS[event.type];
  const base = {
    kind,
    actionId: null,
    actionRef: null,
    field: null,
    from: null,
    to: null,
    reason: null,
    ...NO_RAG,
    ...NO_SCHEDULE,
    evidence: [],
  };
  switch (event.type) {
    case 'PlanCreated':
      return { ...base, field: 'title', to: event.data.title };
    case 'PlanApproved':
      return { ...base, field: 'status', from: before?.status ?? null, to: after.status };
    case 'PlanClosed':
      return {
        ...base,
        field: 'status',
        from: before?.status ?? null,
        to: after.status,
        reason: event.data.reason,
      };
    case 'ThemeAdded':
      return { ...base, field: 'theme', to: `${event.data.number}. ${event.data.title ?? '(untitled)'}` };
    case 'ThemeRevised': {
      const heading = (theme: { number: number; title: string | null } | undefined) =>
        theme ? `${theme.number}. ${theme.title ?? '(untitled)'}` : null;
      const was = before?.themes.find((theme) => theme.id === event.data.themeId);
      const is = after.themes.find((theme) => theme.id === event.data.themeId);
      return { ...base, field: 'theme', from: heading(was), to: heading(is), reason: event.data.reason };
    }
    case 'BoardMeetingRecorded':
      return { ...base, field: 'boardMeeting', to: `${event.data.title} (${event.data.heldOn})` };
    case 'OwnerRoleListed': {
      const was = before?.ownerRoles.find((role) => ownerKey(role.name) === ownerKey(event.data.name));
      return { ...base, field: 'ownerRoles', from: was ? ownerRole(was) : null, to: ownerRole(event.data) };
    }
    case 'OwnerRoleRetired': {
      const was = before?.ownerRoles.find((role) => ownerKey(role.name) === ownerKey(event.data.name));
      const from = ownerRole(was ?? { name: event.data.name, aliases: [] });
      return { ...base, field: 'ownerRoles', from, to: null, reason: event.data.reason };
    }
    case 'TextRedacted': {
      // The erased text itself shows as the redaction notice where it was recorded.
      const { actionId, field, reason } = event.data;
      const actionRef = actionId === null ? null : (after.actions.get(actionId)?.ref ?? null);
      return { ...base, actionId, actionRef, field, reason };
    }
    default:
      return describeActionChange(
        event,
        before?.actions.get(event.data.actionId),
        after.actions.get(event.data.actionId)!,
      );
  }
}

type ActionEvent = Extract<PlanEvent, { data: { actionId: string } }>;

function describeActionChange(event: ActionEvent, was: Action | undefined, is: Action): ChangeDescription {
  const base = {
    kind: CHANGE_KINDS[event.type],
    actionId: is.id,
    actionRef: is.ref,
    reason: null,
    ...NO_RAG,
    ...NO_SCHEDULE,
    evidence: [],
  };
  switch (event.type) {
    case 'ActionAdded':
      return {
        ...base,
        field: 'action',
        from: null,
        to: is.description,
        ragTo: event.data.rag,
        scheduleTo: datesOf(is),
      };
    case 'RagStatusChanged': {
      const { from, to, reason } = event.data;
      const evidence = evidenceOf(event.data);
      return { ...base, field: 'rag', from, to, reason, ragFrom: from, ragTo: to, evidence };
    }
    case 'ProgressNoteAdded':
      return {
        ...base,
        field: 'progressNotes',
        from: null,
        to: event.data.text,
        evidence: evidenceOf(event.data),
      };
    case 'ActionOwnersAssigned':
      return { ...base, field: 'owners', from: was ? owners(was.owners) : null, to: owners(is.owners) };
    case 'ActionRescheduled':
      return {
        ...base,
        field: 'schedule',
        from: was ? schedule(was) : null,
        to: schedule(is),
        reason: event.data.reason,
        scheduleFrom: was ? datesOf(was) : null,
        scheduleTo: datesOf(is),
      };
    case 'ActionDescriptionRevised':
      return {
        ...base,
        field: 'description',
        from: was?.description ?? null,
        to: is.description,
        reason: event.data.reason,
      };
    case 'ActionWithdrawn':
      return { ...base, field: 'status', from: 'ACTIVE', to: 'WITHDRAWN', reason: event.data.reason };
  }
}

/** The context fields a change keeps from its metadata. */
export const changeTiming = (context: ChangeContext) => ({
  recordedAt: context.recordedAt,
  effectiveDate: context.effectiveDate ?? null,
  actor: context.actor ?? null,
});
