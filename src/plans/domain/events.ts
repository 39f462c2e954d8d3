import type { RecordedActor } from '../../auth/domain/actor.js';
import type { Evidence } from './evidence.js';
import type { PlanDate } from './plan-date.js';
import type { RagStatus } from './rag.js';

/**
 * Events of one improvement plan: facts in the past tense, never rewritten. Each type's data
 * shape is version 1 (see EVENT_SCHEMA_VERSION); a new shape means a new version and an upcaster.
 */
export type Judgement = 'OUTSTANDING' | 'GOOD' | 'REQUIRES_IMPROVEMENT' | 'INADEQUATE';

export interface Inspection {
  readonly inspectorate: string;
  readonly framework: string;
  readonly startDate: string;
  readonly endDate: string;
  readonly judgement: Judgement | null;
}

type Event<Type extends string, Data> = { readonly type: Type; readonly data: Data };

export type PlanCreated = Event<
  'PlanCreated',
  { planId: string; title: string; localAuthority: string | null; inspection: Inspection | null }
>;
export type PlanApproved = Event<'PlanApproved', { planId: string }>;
export type PlanClosed = Event<'PlanClosed', { planId: string; reason: string }>;

export type ThemeAdded = Event<
  'ThemeAdded',
  {
    planId: string;
    themeId: string;
    number: number;
    /** Null where the source plan has a section with no heading. */
    title: string | null;
    whatNeedsToImprove: string | null;
    inspectorFindings: string | null;
  }
>;

/** A theme's heading or prose corrected; every field carries its new value. */
export type ThemeRevised = Event<
  'ThemeRevised',
  {
    planId: string;
    themeId: string;
    title: string | null;
    whatNeedsToImprove: string | null;
    inspectorFindings: string | null;
    reason: string;
  }
>;

export type ActionAdded = Event<
  'ActionAdded',
  {
    planId: string;
    actionId: string;
    themeId: string;
    ref: string;
    description: string;
    owners: string[];
    commencing: PlanDate | null;
    dueBy: PlanDate | null;
    rag: RagStatus;
  }
>;

/** What a change cites, if anything: absent on events recorded before evidence could be cited. */
type CitesEvidence = { evidence?: Evidence[] };

export type RagStatusChanged = Event<
  'RagStatusChanged',
  CitesEvidence & { planId: string; actionId: string; from: RagStatus; to: RagStatus; reason: string }
>;

export type ProgressNoteAdded = Event<
  'ProgressNoteAdded',
  CitesEvidence & {
    planId: string;
    actionId: string;
    noteId: string;
    text: string;
    /** The author saw the personal-data warning and chose to record the note anyway. */
    personalDataAcknowledged: boolean;
  }
>;

export type ActionOwnersAssigned = Event<
  'ActionOwnersAssigned',
  { planId: string; actionId: string; owners: string[] }
>;

export type ActionRescheduled = Event<
  'ActionRescheduled',
  { planId: string; actionId: string; commencing: PlanDate | null; dueBy: PlanDate | null; reason: string }
>;

export type ActionDescriptionRevised = Event<
  'ActionDescriptionRevised',
  { planId: string; actionId: string; description: string; reason: string }
>;

export type ActionWithdrawn = Event<'ActionWithdrawn', { planId: string; actionId: string; reason: string }>;

export type BoardMeetingRecorded = Event<
  'BoardMeetingRecorded',
  { planId: string; meetingId: string; heldOn: string; title: string; minutesUrl: string | null }
>;

/** A free-text field of a recorded event (see sealed-text.ts for which events record one). */
export type TextField = 'text' | 'description' | 'reason';

/**
 * Text recorded by mistake (personal data) was erased: its key was destroyed, so the stored text can
 * no longer be read, and every view shows who erased it, when and why in its place. The text is
 * named by the event that recorded it and the field; actionId and noteId say where it showed.
 */
export type TextRedacted = Event<
  'TextRedacted',
  {
    planId: string;
    eventId: string;
    field: TextField;
    actionId: string | null;
    noteId: string | null;
    reason: string;
  }
>;

/** A role added to the plan's list of owner roles, or its spelling and aliases replaced (owner-roles.ts). */
export type OwnerRoleListed = Event<'OwnerRoleListed', { planId: string; name: string; aliases: string[] }>;

/** A role taken off the plan's list of owner roles; no action still in the plan was owned by it. */
export type OwnerRoleRetired = Event<'OwnerRoleRetired', { planId: string; name: string; reason: string }>;

export type PlanEvent =
  | PlanCreated
  | PlanApproved
  | PlanClosed
  | ThemeAdded
  | ThemeRevised
  | ActionAdded
  | RagStatusChanged
  | ProgressNoteAdded
  | ActionOwnersAssigned
  | ActionRescheduled
  | ActionDescriptionRevised
  | ActionWithdrawn
  | BoardMeetingRecorded
  | TextRedacted
  | OwnerRoleListed
  | OwnerRoleRetired;

export type PlanEventType = PlanEvent['type'];

export const PLAN_EVENT_TYPES: readonly PlanEventType[] = [
  'PlanCreated',
  'PlanApproved',
  'PlanClosed',
  'ThemeAdded',
  'ThemeRevised',
  'ActionAdded',
  'RagStatusChanged',
  'ProgressNoteAdded',
  'ActionOwnersAssigned',
  'ActionRescheduled',
  'ActionDescriptionRevised',
  'ActionWithdrawn',
  'BoardMeetingRecorded',
  'TextRedacted',
  'OwnerRoleListed',
  'OwnerRoleRetired',
];

/** Current data-shape version of every plan event type. */
export const EVENT_SCHEMA_VERSION = 1;

/** When and by whom a change was recorded: the part of the metadata that evolve needs. */
export interface ChangeContext {
  readonly recordedAt: string;
  readonly effectiveDate?: string;
  /** Absent only on events recorded before anyone had to sign in, without the x-actor header. */
  readonly actor?: RecordedActor;
}
