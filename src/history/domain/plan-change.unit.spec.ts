import { describe, expect, it } from '@jest/globals';
import { given, onAction } from '../../../test/support/change-spec.js';
import {
  actionAdded,
  actionDescriptionRevised,
  actionOwnersAssigned,
  actionRescheduled,
  actionWithdrawn,
  boardMeetingRecorded,
  planApproved,
  planClosed,
  planCreated,
  planWithAction,
  progressNoteAdded,
  ragStatusChanged,
  themeAdded,
  themeRevised,
} from '../../../test/support/plan-builders.js';
import { ownerRoleListed, ownerRoleRetired } from '../../../test/support/owner-role-builders.js';
import { textRedacted } from '../../../test/support/redaction-builders.js';
import { PLAN_EVENT_TYPES, type PlanEventType } from '../../plans/domain/events.js';

/** One case per event type: the Record type makes a new event type fail to compile until described. */
const EVERY_EVENT_TYPE: Record<PlanEventType, () => void> = {
  PlanCreated: () =>
    given()
      .whenRecorded(planCreated({ title: 'ILACS improvement plan 2024' }))
      .thenDescribedAs({ kind: 'PLAN_CREATED', field: 'title', to: 'ILACS improvement plan 2024' }),
  PlanApproved: () =>
    given(planCreated())
      .whenRecorded(planApproved())
      .thenDescribedAs({ kind: 'PLAN_APPROVED', field: 'status', from: 'DRAFT', to: 'APPROVED' }),
  PlanClosed: () =>
    given(planCreated(), planApproved())
      .whenRecorded(planClosed('Superseded by the 2025 plan'))
      .thenDescribedAs({
        kind: 'PLAN_CLOSED',
        field: 'status',
        from: 'APPROVED',
        to: 'CLOSED',
        reason: 'Superseded by the 2025 plan',
      }),
  ThemeAdded: () =>
    given(planCreated())
      .whenRecorded(themeAdded({ number: 2, title: 'Pre-proceedings' }))
      .thenDescribedAs({ kind: 'THEME_ADDED', field: 'theme', to: '2. Pre-proceedings' }),
  ThemeRevised: () =>
    given(planCreated(), themeAdded({ title: 'Caseloads' }))
      .whenRecorded(themeRevised({ title: 'Caseloads and supervision', reason: 'Typo in the heading' }))
      .thenDescribedAs({
        kind: 'THEME_REVISED',
        field: 'theme',
        from: '1. Caseloads',
        to: '1. Caseloads and supervision',
        reason: 'Typo in the heading',
      }),
  ActionAdded: () =>
    given(planCreated(), themeAdded())
      .whenRecorded(actionAdded({ description: 'Reduce caseloads.', rag: 'AMBER' }))
      .thenDescribedAs({
        kind: 'ACTION_ADDED',
        ...onAction,
        field: 'action',
        to: 'Reduce caseloads.',
        ragTo: 'AMBER',
        scheduleTo: { commencing: '2023-12', dueBy: null },
      }),
  RagStatusChanged: () =>
    given(...planWithAction())
      .whenRecorded(ragStatusChanged({ from: 'NOT_RATED', to: 'RED', reason: 'Two social workers left' }))
      .thenDescribedAs({
        kind: 'RAG_CHANGED',
        ...onAction,
        field: 'rag',
        from: 'NOT_RATED',
        to: 'RED',
        reason: 'Two social workers left',
        ragFrom: 'NOT_RATED',
        ragTo: 'RED',
      }),
  ProgressNoteAdded: () =>
    given(...planWithAction())
      .whenRecorded(progressNoteAdded({ text: 'Caseloads audited in March.' }))
      .thenDescribedAs({
        kind: 'PROGRESS_NOTE_ADDED',
        ...onAction,
        field: 'progressNotes',
        to: 'Caseloads audited in March.',
      }),
  ActionOwnersAssigned: () =>
    given(...planWithAction({ owners: ['Service Director'] }))
      .whenRecorded(actionOwnersAssigned(['Team Managers', 'Lead IRO']))
      .thenDescribedAs({
        kind: 'OWNERS_ASSIGNED',
        ...onAction,
        field: 'owners',
        from: 'Service Director',
        to: 'Team Managers; Lead IRO',
      }),
  ActionRescheduled: () =>
    given(...planWithAction({ commencing: '2023-12', dueBy: null }))
      .whenRecorded(
        actionRescheduled({ commencing: '2024-01', dueBy: '2024-06-30', reason: 'Agreed at board' }),
      )
      .thenDescribedAs({
        kind: 'RESCHEDULED',
        ...onAction,
        field: 'schedule',
        from: 'commencing 2023-12, due by —',
        to: 'commencing 2024-01, due by 2024-06-30',
        reason: 'Agreed at board',
        scheduleFrom: { commencing: '2023-12', dueBy: null },
        scheduleTo: { commencing: '2024-01', dueBy: '2024-06-30' },
      }),
  ActionDescriptionRevised: () =>
    given(...planWithAction({ description: 'Review caseloads monthly.' }))
      .whenRecorded(
        actionDescriptionRevised({ description: 'Review caseloads weekly.', reason: 'Board asked' }),
      )
      .thenDescribedAs({
        kind: 'DESCRIPTION_REVISED',
        ...onAction,
        field: 'description',
        from: 'Review caseloads monthly.',
        to: 'Review caseloads weekly.',
        reason: 'Board asked',
      }),
  ActionWithdrawn: () =>
    given(...planWithAction())
      .whenRecorded(actionWithdrawn({ reason: 'Merged into 1.2' }))
      .thenDescribedAs({
        kind: 'ACTION_WITHDRAWN',
        ...onAction,
        field: 'status',
        from: 'ACTIVE',
        to: 'WITHDRAWN',
        reason: 'Merged into 1.2',
      }),
  BoardMeetingRecorded: () =>
    given(planCreated())
      .whenRecorded(boardMeetingRecorded({ title: 'April improvement board', heldOn: '2024-04-23' }))
      .thenDescribedAs({
        kind: 'BOARD_MEETING_RECORDED',
        field: 'boardMeeting',
        to: 'April improvement board (2024-04-23)',
      }),
  TextRedacted: () =>
    given(...planWithAction(), progressNoteAdded())
      .whenRecorded(textRedacted({ reason: 'Named a child' }))
      .thenDescribedAs({ kind: 'TEXT_REDACTED', ...onAction, field: 'text', reason: 'Named a child' }),
  OwnerRoleListed: () =>
    given(planCreated(), ownerRoleListed('Lead IRO', ['LIRO']))
      .whenRecorded(ownerRoleListed('Lead IRO', ['LIRO', 'Lead Independent Reviewing Officer']))
      .thenDescribedAs({
        kind: 'OWNER_ROLE_LISTED',
        field: 'ownerRoles',
        from: 'Lead IRO (also: LIRO)',
        to: 'Lead IRO (also: LIRO, Lead Independent Reviewing Officer)',
      }),
  OwnerRoleRetired: () =>
    given(planCreated(), ownerRoleListed('Lead IRO', ['LIRO']))
      .whenRecorded(ownerRoleRetired('Lead IRO', 'Post deleted'))
      .thenDescribedAs({
        kind: 'OWNER_ROLE_RETIRED',
        field: 'ownerRoles',
        from: 'Lead IRO (also: LIRO)',
        reason: 'Post deleted',
      }),
};

describe('describing a change', () => {
  it('has a case below for every plan event type', () =>
    expect(Object.keys(EVERY_EVENT_TYPE).sort()).toEqual([...PLAN_EVENT_TYPES].sort()));

  it.each(Object.entries(EVERY_EVENT_TYPE))('describes %s', (_type, check) => check());
});
