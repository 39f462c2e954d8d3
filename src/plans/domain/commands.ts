import type { CitedEvidence } from './evidence.js';
import type { Inspection, TextField } from './events.js';
import type { PlanDate } from './plan-date.js';
import type { RagStatus } from './rag.js';

/** Commands are imperatives; ids of new things are chosen by the caller so retries are safe. */
type Command<Type extends string, Data> = { readonly type: Type; readonly data: Data };

/**
 * "YYYY-MM-DD" the plan, theme or action took effect, when earlier than the day it is entered: a
 * plan approved in January typed in today, or an import "as at 31 March".
 */
interface InEffectSince {
  effectiveDate?: string | null;
}

export type CreatePlan = Command<
  'CreatePlan',
  InEffectSince & {
    planId: string;
    title: string;
    localAuthority?: string | null;
    inspection?: Inspection | null;
  }
>;
export type ApprovePlan = Command<'ApprovePlan', { planId: string }>;
export type ClosePlan = Command<'ClosePlan', { planId: string; reason: string }>;

export type AddTheme = Command<
  'AddTheme',
  InEffectSince & {
    planId: string;
    themeId: string;
    number: number;
    title?: string | null;
    whatNeedsToImprove?: string | null;
    inspectorFindings?: string | null;
  }
>;

/** Corrects a theme; a field left out stays as it is, null clears it. */
export type ReviseTheme = Command<
  'ReviseTheme',
  {
    planId: string;
    themeId: string;
    title?: string | null;
    whatNeedsToImprove?: string | null;
    inspectorFindings?: string | null;
    reason: string;
  }
>;

export type AddAction = Command<
  'AddAction',
  InEffectSince & {
    planId: string;
    actionId: string;
    themeId: string;
    ref: string;
    description: string;
    owners?: readonly string[];
    commencing?: PlanDate | null;
    dueBy?: PlanDate | null;
    rag?: RagStatus;
  }
>;

/** Shared by every command that changes one action. */
export interface ActionChange {
  actionId: string;
  /** The action's version the user last saw; a mismatch is a lost-update conflict. */
  expectedVersion?: number;
  /** "YYYY-MM-DD" the change took effect, when it differs from the day it is recorded. */
  effectiveDate?: string | null;
}

/** Documents and measures a change cites (see evidence.ts); none when left out. */
interface CitingEvidence {
  evidence?: readonly CitedEvidence[] | null;
}

export type ChangeRagStatus = Command<
  'ChangeRagStatus',
  ActionChange & CitingEvidence & { rag: RagStatus; reason: string }
>;
export type AddProgressNote = Command<
  'AddProgressNote',
  ActionChange & CitingEvidence & { noteId: string; text: string; acknowledgePersonalData?: boolean }
>;
export type AssignActionOwners = Command<'AssignActionOwners', ActionChange & { owners: readonly string[] }>;
export type RescheduleAction = Command<
  'RescheduleAction',
  /** A date left out stays as it is; null clears it. */
  ActionChange & { commencing?: PlanDate | null; dueBy?: PlanDate | null; reason: string }
>;
export type ReviseActionDescription = Command<
  'ReviseActionDescription',
  ActionChange & { description: string; reason: string }
>;
export type WithdrawAction = Command<'WithdrawAction', ActionChange & { reason: string }>;

/**
 * The service manager's monthly update of one action: a new RAG status (with its reason) and/or a
 * progress note, recorded together or not at all. Decided as the ChangeRagStatus and AddProgressNote
 * it holds (see action-update.ts).
 */
export type RecordActionUpdate = Command<
  'RecordActionUpdate',
  /** The evidence goes with the RAG change when there is one, else with the note. */
  ActionChange &
    CitingEvidence & {
      rag?: RagStatus | null;
      reason?: string | null;
      /** The id the note gets, chosen by the caller like every new thing's. */
      noteId: string;
      note?: string | null;
      acknowledgePersonalData?: boolean;
    }
>;

export type ActionCommand =
  | ChangeRagStatus
  | AddProgressNote
  | AssignActionOwners
  | RescheduleAction
  | ReviseActionDescription
  | WithdrawAction;

/** A dated review of the plan by the improvement board: the natural "as at" point for reports. */
export type RecordBoardMeeting = Command<
  'RecordBoardMeeting',
  { planId: string; meetingId: string; heldOn: string; title: string; minutesUrl?: string | null }
>;

/**
 * Erases one stored text recorded by mistake: a progress note by its id, or the reason or
 * description of one recorded change by the change's event id (PlanChange.eventId). The field may
 * be left out when the change records only one text.
 */
export type RedactText = Command<
  'RedactText',
  {
    planId: string;
    noteId?: string | null;
    eventId?: string | null;
    field?: TextField | null;
    reason: string;
  }
>;

/** Adds a role to the plan's list of owner roles, or replaces the spelling and aliases of a listed one. */
export type ListOwnerRole = Command<
  'ListOwnerRole',
  { planId: string; name: string; aliases?: readonly string[] | null }
>;
export type RetireOwnerRole = Command<'RetireOwnerRole', { planId: string; name: string; reason: string }>;

export type PlanCommand =
  | CreatePlan
  | ApprovePlan
  | ClosePlan
  | AddTheme
  | ReviseTheme
  | AddAction
  | RecordBoardMeeting
  | RedactText
  | RecordActionUpdate
  | ListOwnerRole
  | RetireOwnerRole
  | ActionCommand;
