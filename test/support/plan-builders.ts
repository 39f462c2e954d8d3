import type {
  AddAction,
  AddProgressNote,
  AddTheme,
  ApprovePlan,
  AssignActionOwners,
  ChangeRagStatus,
  ClosePlan,
  CreatePlan,
  RescheduleAction,
  RecordBoardMeeting,
  ReviseTheme,
  ReviseActionDescription,
  WithdrawAction,
} from '../../src/plans/domain/commands.js';
import type {
  ActionAdded,
  ActionDescriptionRevised,
  ActionOwnersAssigned,
  ActionRescheduled,
  ActionWithdrawn,
  BoardMeetingRecorded,
  Inspection,
  PlanApproved,
  PlanClosed,
  PlanCreated,
  PlanEvent,
  ProgressNoteAdded,
  RagStatusChanged,
  ThemeAdded,
  ThemeRevised,
} from '../../src/plans/domain/events.js';

import type { Actor, RecordedActor, Role } from '../../src/auth/domain/actor.js';

/** Small builders with fixed ids, so a test states only what it is about. */
export const PLAN_ID = 'plan-iow-2024';
export const THEME_ID = 'theme-1';
export const ACTION_ID = 'action-1-1';
export const OTHER_ACTION_ID = 'action-1-2';
export const NOTE_ID = 'note-1';

/** A signed-in user deciding commands: an ADMIN unless the test says otherwise. */
export const signedIn = (overrides: Partial<Actor> = {}): Actor => ({
  id: 'local:jo-smith',
  name: 'Jo Smith',
  roles: ['ADMIN'],
  owns: [],
  via: 'api',
  ...overrides,
});

/** Who an event says made the change. */
export const recordedBy = (name: string, roles: Role[] = ['EDITOR']): RecordedActor => ({
  id: `local:${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`,
  name,
  roles,
  via: 'api',
});

const OWNER = 'Service Manager Operations';
const DESCRIPTION = 'Review caseloads across the assessment teams monthly.';
const ids = { planId: PLAN_ID, actionId: ACTION_ID };

export const inspection = (data: Partial<Inspection> = {}): Inspection => ({
  inspectorate: 'Ofsted',
  framework: 'ILACS',
  startDate: '2023-10-02',
  endDate: '2023-10-13',
  judgement: 'REQUIRES_IMPROVEMENT',
  ...data,
});

// Events
export const planCreated = (data: Partial<PlanCreated['data']> = {}): PlanCreated => ({
  type: 'PlanCreated',
  data: { planId: PLAN_ID, title: 'ILACS improvement plan', localAuthority: null, inspection: null, ...data },
});
export const planApproved = (): PlanApproved => ({ type: 'PlanApproved', data: { planId: PLAN_ID } });
export const planClosed = (reason = 'Superseded by the 2025 plan'): PlanClosed => ({
  type: 'PlanClosed',
  data: { planId: PLAN_ID, reason },
});
export const themeAdded = (data: Partial<ThemeAdded['data']> = {}): ThemeAdded => ({
  type: 'ThemeAdded',
  data: {
    planId: PLAN_ID,
    themeId: THEME_ID,
    number: 1,
    title: 'Caseloads',
    whatNeedsToImprove: null,
    inspectorFindings: null,
    ...data,
  },
});
export const actionAdded = (data: Partial<ActionAdded['data']> = {}): ActionAdded => ({
  type: 'ActionAdded',
  data: {
    ...ids,
    themeId: THEME_ID,
    ref: '1.1',
    description: DESCRIPTION,
    owners: [OWNER],
    commencing: '2023-12',
    dueBy: null,
    rag: 'NOT_RATED',
    ...data,
  },
});
export const ragStatusChanged = (data: Partial<RagStatusChanged['data']> = {}): RagStatusChanged => ({
  type: 'RagStatusChanged',
  data: { ...ids, from: 'NOT_RATED', to: 'AMBER', reason: 'Recruitment under way', ...data },
});
export const progressNoteAdded = (data: Partial<ProgressNoteAdded['data']> = {}): ProgressNoteAdded => ({
  type: 'ProgressNoteAdded',
  data: { ...ids, noteId: NOTE_ID, text: 'Caseloads audited.', personalDataAcknowledged: false, ...data },
});
export const actionOwnersAssigned = (owners: string[], actionId = ACTION_ID): ActionOwnersAssigned => ({
  type: 'ActionOwnersAssigned',
  data: { planId: PLAN_ID, actionId, owners },
});
export const actionRescheduled = (data: Partial<ActionRescheduled['data']> = {}): ActionRescheduled => ({
  type: 'ActionRescheduled',
  data: { ...ids, commencing: '2024-01', dueBy: '2024-06', reason: 'Agreed at the April board', ...data },
});
export const actionDescriptionRevised = (
  data: Partial<ActionDescriptionRevised['data']> = {},
): ActionDescriptionRevised => ({
  type: 'ActionDescriptionRevised',
  data: { ...ids, description: 'Review caseloads weekly.', reason: 'Board asked for more', ...data },
});
export const actionWithdrawn = (data: Partial<ActionWithdrawn['data']> = {}): ActionWithdrawn => ({
  type: 'ActionWithdrawn',
  data: { ...ids, reason: 'Merged into 1.2', ...data },
});

/** A draft plan with theme 1 and action 1.1 (commencing December 2023, not rated). */
export const planWithAction = (action: Partial<ActionAdded['data']> = {}): PlanEvent[] => [
  planCreated(),
  themeAdded(),
  actionAdded(action),
];

// Commands
export const createPlan = (data: Partial<CreatePlan['data']> = {}): CreatePlan => ({
  type: 'CreatePlan',
  data: { planId: PLAN_ID, title: 'ILACS improvement plan', ...data },
});
export const approvePlan = (): ApprovePlan => ({ type: 'ApprovePlan', data: { planId: PLAN_ID } });
export const closePlan = (reason = 'Superseded by the 2025 plan'): ClosePlan => ({
  type: 'ClosePlan',
  data: { planId: PLAN_ID, reason },
});
export const addTheme = (data: Partial<AddTheme['data']> = {}): AddTheme => ({
  type: 'AddTheme',
  data: { planId: PLAN_ID, themeId: THEME_ID, number: 1, title: 'Caseloads', ...data },
});
export const addAction = (data: Partial<AddAction['data']> = {}): AddAction => ({
  type: 'AddAction',
  data: {
    ...ids,
    themeId: THEME_ID,
    ref: '1.1',
    description: DESCRIPTION,
    owners: [OWNER],
    commencing: '2023-12',
    ...data,
  },
});
export const changeRagStatus = (data: Partial<ChangeRagStatus['data']> = {}): ChangeRagStatus => ({
  type: 'ChangeRagStatus',
  data: { actionId: ACTION_ID, rag: 'AMBER', reason: 'Recruitment under way', ...data },
});
export const addProgressNote = (data: Partial<AddProgressNote['data']> = {}): AddProgressNote => ({
  type: 'AddProgressNote',
  data: { actionId: ACTION_ID, noteId: NOTE_ID, text: 'Caseloads audited.', ...data },
});
export const assignActionOwners = (owners: readonly string[], actionId = ACTION_ID): AssignActionOwners => ({
  type: 'AssignActionOwners',
  data: { actionId, owners },
});
export const rescheduleAction = (data: Partial<RescheduleAction['data']> = {}): RescheduleAction => ({
  type: 'RescheduleAction',
  data: {
    actionId: ACTION_ID,
    commencing: '2024-01',
    dueBy: '2024-06',
    reason: 'Agreed at the April board',
    ...data,
  },
});
export const reviseActionDescription = (
  data: Partial<ReviseActionDescription['data']> = {},
): ReviseActionDescription => ({
  type: 'ReviseActionDescription',
  data: {
    actionId: ACTION_ID,
    description: 'Review caseloads weekly.',
    reason: 'Board asked for more',
    ...data,
  },
});
export const withdrawAction = (data: Partial<WithdrawAction['data']> = {}): WithdrawAction => ({
  type: 'WithdrawAction',
  data: { actionId: ACTION_ID, reason: 'Merged into 1.2', ...data },
});

export const MEETING_ID = 'board-2024-04';
export const boardMeetingRecorded = (
  data: Partial<BoardMeetingRecorded['data']> = {},
): BoardMeetingRecorded => ({
  type: 'BoardMeetingRecorded',
  data: {
    planId: PLAN_ID,
    meetingId: MEETING_ID,
    heldOn: '2024-04-23',
    title: 'April improvement board',
    minutesUrl: null,
    ...data,
  },
});
export const recordBoardMeeting = (data: Partial<RecordBoardMeeting['data']> = {}): RecordBoardMeeting => ({
  type: 'RecordBoardMeeting',
  data: {
    planId: PLAN_ID,
    meetingId: MEETING_ID,
    heldOn: '2024-04-23',
    title: 'April improvement board',
    ...data,
  },
});

export const themeRevised = (data: Partial<ThemeRevised['data']> = {}): ThemeRevised => ({
  type: 'ThemeRevised',
  data: {
    planId: PLAN_ID,
    themeId: THEME_ID,
    title: 'Caseloads',
    whatNeedsToImprove: null,
    inspectorFindings: null,
    reason: 'Corrected',
    ...data,
  },
});
export const reviseTheme = (data: Partial<ReviseTheme['data']> = {}): ReviseTheme => ({
  type: 'ReviseTheme',
  data: { planId: PLAN_ID, themeId: THEME_ID, reason: 'Corrected', ...data },
});
