import { describe, it } from '@jest/globals';
import { given, onAction } from '../../../test/support/change-spec.js';
import {
  ACTION_ID,
  actionOwnersAssigned,
  actionRescheduled,
  planClosed,
  planCreated,
  planWithAction,
  progressNoteAdded,
  ragStatusChanged,
  themeAdded,
} from '../../../test/support/plan-builders.js';

describe('describing a change: the edges', () => {
  it('describes closing a draft plan as DRAFT → CLOSED', () =>
    given(planCreated()).whenRecorded(planClosed('Replaced')).thenDescribedAs({
      kind: 'PLAN_CLOSED',
      field: 'status',
      from: 'DRAFT',
      to: 'CLOSED',
      reason: 'Replaced',
    }));

  it('names a theme with no heading "(untitled)"', () =>
    given(planCreated())
      .whenRecorded(themeAdded({ number: 4, title: null }))
      .thenDescribedAs({ kind: 'THEME_ADDED', field: 'theme', to: '4. (untitled)' }));

  it('shows an empty list of owners as "(no owner)", before and after', () => {
    given(...planWithAction({ owners: [] }))
      .whenRecorded(actionOwnersAssigned(['Lead IRO']))
      .thenDescribedAs({
        kind: 'OWNERS_ASSIGNED',
        ...onAction,
        field: 'owners',
        from: '(no owner)',
        to: 'Lead IRO',
      });
    given(...planWithAction({ owners: ['Lead IRO'] }))
      .whenRecorded(actionOwnersAssigned([]))
      .thenDescribedAs({
        kind: 'OWNERS_ASSIGNED',
        ...onAction,
        field: 'owners',
        from: 'Lead IRO',
        to: '(no owner)',
      });
  });

  it('shows cleared dates as "—" in a reschedule', () =>
    given(...planWithAction({ commencing: '2024-01', dueBy: '2024-06' }))
      .whenRecorded(actionRescheduled({ commencing: null, dueBy: '2024-09', reason: 'Start date not known' }))
      .thenDescribedAs({
        kind: 'RESCHEDULED',
        ...onAction,
        field: 'schedule',
        from: 'commencing 2024-01, due by 2024-06',
        to: 'commencing —, due by 2024-09',
        reason: 'Start date not known',
        scheduleFrom: { commencing: '2024-01', dueBy: '2024-06' },
        scheduleTo: { commencing: null, dueBy: '2024-09' },
      }));

  it('names the action by the ref it has, for every change to it', () =>
    given(...planWithAction({ ref: '6.5' }), ragStatusChanged())
      .whenRecorded(progressNoteAdded())
      .thenDescribedAs({
        kind: 'PROGRESS_NOTE_ADDED',
        actionId: ACTION_ID,
        actionRef: '6.5',
        field: 'progressNotes',
        to: 'Caseloads audited.',
      }));
});
