import type { RecordedActor } from '../../auth/domain/actor.js';
import type { ChangeContext, Inspection, PlanEvent } from './events.js';
import { evidenceOf, type Evidence } from './evidence.js';
import { ukDate, type PlanDate } from './plan-date.js';
import type { RagStatus } from './rag.js';
import { withOwnerRoles, type OwnerRole } from './owner-roles.js';
import { withTextsOf, type RecordedTexts, type Redaction } from './recorded-texts.js';
import { withRedaction } from './redaction.js';

/**
 * The state of one improvement plan, folded from its events by `evolve`. The same fold serves
 * the command side, the live read models, history and time travel. State is immutable.
 */
export type PlanStatus = 'DRAFT' | 'APPROVED' | 'CLOSED';

export interface Theme {
  readonly id: string;
  readonly number: number;
  readonly title: string | null;
  readonly whatNeedsToImprove: string | null;
  readonly inspectorFindings: string | null;
}

export interface ProgressNote {
  readonly id: string;
  readonly text: string;
  readonly recordedAt: string;
  readonly effectiveDate: string | null;
  readonly actor: RecordedActor | null;
  /** What the note cites; empty for notes recorded before evidence could be cited. */
  readonly evidence: readonly Evidence[];
  /** Present once the note's text was erased; `text` then reads as the redaction notice. */
  readonly redaction?: Redaction;
}

export interface Action {
  readonly id: string;
  readonly planId: string;
  readonly themeId: string;
  readonly ref: string;
  readonly description: string;
  readonly owners: readonly string[];
  readonly commencing: PlanDate | null;
  readonly dueBy: PlanDate | null;
  readonly rag: RagStatus;
  readonly progressNotes: readonly ProgressNote[];
  readonly withdrawn: boolean;
  /** Number of events that changed this action: what clients send back as expectedVersion. */
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface BoardMeeting {
  readonly id: string;
  readonly heldOn: string;
  readonly title: string;
  readonly minutesUrl: string | null;
  readonly recordedAt: string;
}

export interface Plan {
  readonly id: string;
  readonly title: string;
  readonly localAuthority: string | null;
  readonly inspection: Inspection | null;
  readonly status: PlanStatus;
  /** Themes and actions in the order they were added. */
  readonly themes: readonly Theme[];
  readonly actions: ReadonlyMap<string, Action>;
  /** Board meetings in the order they were held. */
  readonly boardMeetings: readonly BoardMeeting[];
  /** Number of events in the plan's stream. */
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** The free texts its events recorded and those erased since: what a redaction may name. */
  readonly texts: RecordedTexts | null;
  /** The earliest day the plan speaks for: its UK creation day, or any earlier effectiveDate recorded. */
  readonly earliestEffectiveDate: string;
  /** The plan's list of owner roles, in the order listed; empty: no list, any owner name is accepted. */
  readonly ownerRoles: readonly OwnerRole[];
}

/** A stored event's context: its id is how a later redaction names a text the event recorded. */
export type FoldContext = ChangeContext & { readonly eventId?: string };

export function evolve(plan: Plan | undefined, event: PlanEvent, context: FoldContext): Plan {
  if (event.type === 'PlanCreated') {
    const { planId, title, localAuthority, inspection } = event.data;
    return {
      id: planId,
      title,
      localAuthority,
      inspection,
      status: 'DRAFT',
      themes: [],
      actions: new Map(),
      boardMeetings: [],
      version: 1,
      createdAt: context.recordedAt,
      updatedAt: context.recordedAt,
      texts: null,
      earliestEffectiveDate: earlierDay(ukDate(context.recordedAt), context.effectiveDate),
      ownerRoles: [],
    };
  }
  if (!plan) throw new Error(`${event.type} before PlanCreated`);
  const texts = withTextsOf(plan.texts, event, context.eventId);
  const earliestEffectiveDate = earlierDay(plan.earliestEffectiveDate, context.effectiveDate);
  const next = {
    ...plan,
    version: plan.version + 1,
    updatedAt: context.recordedAt,
    texts,
    earliestEffectiveDate,
  };
  switch (event.type) {
    case 'TextRedacted':
      return withRedaction(next, event, context);
    case 'OwnerRoleListed':
    case 'OwnerRoleRetired':
      return { ...next, ownerRoles: withOwnerRoles(plan.ownerRoles, event) };
    case 'PlanApproved':
      return { ...next, status: 'APPROVED' };
    case 'PlanClosed':
      return { ...next, status: 'CLOSED' };
    case 'ThemeAdded': {
      const { themeId, number, title, whatNeedsToImprove, inspectorFindings } = event.data;
      return {
        ...next,
        themes: [...plan.themes, { id: themeId, number, title, whatNeedsToImprove, inspectorFindings }],
      };
    }
    case 'ThemeRevised': {
      const { themeId, title, whatNeedsToImprove, inspectorFindings } = event.data;
      const revise = (theme: Theme) => ({ ...theme, title, whatNeedsToImprove, inspectorFindings });
      return { ...next, themes: plan.themes.map((theme) => (theme.id === themeId ? revise(theme) : theme)) };
    }
    case 'BoardMeetingRecorded': {
      const { meetingId, heldOn, title, minutesUrl } = event.data;
      const meeting = { id: meetingId, heldOn, title, minutesUrl, recordedAt: context.recordedAt };
      const boardMeetings = [...plan.boardMeetings, meeting].sort((a, b) => a.heldOn.localeCompare(b.heldOn));
      return { ...next, boardMeetings };
    }
    case 'ActionAdded': {
      const { actionId, planId, themeId, ref, description, owners, commencing, dueBy, rag } = event.data;
      const action: Action = {
        id: actionId,
        planId,
        themeId,
        ref,
        description,
        owners,
        commencing,
        dueBy,
        rag,
        progressNotes: [],
        withdrawn: false,
        version: 1,
        createdAt: context.recordedAt,
        updatedAt: context.recordedAt,
      };
      return { ...next, actions: new Map(plan.actions).set(actionId, action) };
    }
    default:
      return { ...next, actions: withChangedAction(plan.actions, event, context) };
  }
}

const earlierDay = (day: string, other?: string): string => (other && other < day ? other : day);

/** Events that change an existing action. */
type ActionEvent = Exclude<Extract<PlanEvent, { data: { actionId: string } }>, { type: 'ActionAdded' }>;

function withChangedAction(
  actions: ReadonlyMap<string, Action>,
  event: ActionEvent,
  context: ChangeContext,
): ReadonlyMap<string, Action> {
  const action = actions.get(event.data.actionId);
  if (!action) throw new Error(`${event.type} for unknown action ${event.data.actionId}`);
  const touched = { ...action, version: action.version + 1, updatedAt: context.recordedAt };
  return new Map(actions).set(action.id, applyToAction(touched, event, context));
}

function applyToAction(action: Action, event: ActionEvent, context: ChangeContext): Action {
  switch (event.type) {
    case 'RagStatusChanged':
      return { ...action, rag: event.data.to };
    case 'ProgressNoteAdded': {
      const note: ProgressNote = {
        id: event.data.noteId,
        text: event.data.text,
        recordedAt: context.recordedAt,
        effectiveDate: context.effectiveDate ?? null,
        actor: context.actor ?? null,
        evidence: evidenceOf(event.data),
      };
      return { ...action, progressNotes: [...action.progressNotes, note] };
    }
    case 'ActionOwnersAssigned':
      return { ...action, owners: event.data.owners };
    case 'ActionRescheduled':
      return { ...action, commencing: event.data.commencing, dueBy: event.data.dueBy };
    case 'ActionDescriptionRevised':
      return { ...action, description: event.data.description };
    case 'ActionWithdrawn':
      return { ...action, withdrawn: true };
  }
}

/** Actions still in the plan (withdrawn ones stay in history but leave counts and lists). */
export function activeActions(plan: Plan): Action[] {
  return [...plan.actions.values()].filter((action) => !action.withdrawn);
}
