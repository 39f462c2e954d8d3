import { describe, it } from '@jest/globals';
import { given } from '../../../test/support/decider-spec.js';
import {
  ACTION_ID,
  actionAdded,
  actionDescriptionRevised,
  actionOwnersAssigned,
  actionRescheduled,
  actionWithdrawn,
  addProgressNote,
  assignActionOwners,
  changeRagStatus,
  inspection,
  OTHER_ACTION_ID,
  planCreated,
  planWithAction,
  progressNoteAdded,
  ragStatusChanged,
  rescheduleAction,
  reviseActionDescription,
  themeAdded,
  withdrawAction,
} from '../../../test/support/plan-builders.js';

const everyChangeTo = (actionId: string) => [
  changeRagStatus({ actionId }),
  addProgressNote({ actionId }),
  assignActionOwners(['Lead IRO'], actionId),
  rescheduleAction({ actionId }),
  reviseActionDescription({ actionId }),
  withdrawAction({ actionId }),
];

describe('changing the RAG status', () => {
  it('records the change from the old status to the new one with the reason', () =>
    given(...planWithAction())
      .when(changeRagStatus({ rag: 'AMBER', reason: '  Recruitment under way ' }))
      .then([ragStatusChanged({ from: 'NOT_RATED', to: 'AMBER', reason: 'Recruitment under way' })]));

  it('records the change from the status set by an earlier change', () =>
    given(...planWithAction(), ragStatusChanged({ to: 'AMBER' }))
      .when(changeRagStatus({ rag: 'GREEN', reason: 'Caseloads below 18' }))
      .then([ragStatusChanged({ from: 'AMBER', to: 'GREEN', reason: 'Caseloads below 18' })]));

  it('rejects a RAG change to the status the action already has', () =>
    given(...planWithAction({ rag: 'RED' }))
      .when(changeRagStatus({ rag: 'RED' }))
      .thenThrows('INVALID', 'rag'));

  it.each(['', '   '])('rejects a RAG change without a reason (%p)', (reason) =>
    given(...planWithAction())
      .when(changeRagStatus({ reason }))
      .thenThrows('INVALID', 'reason'),
  );
});

describe('expected version', () => {
  it('accepts a change made at the version the user saw', () =>
    given(...planWithAction())
      .when(changeRagStatus({ expectedVersion: 1 }))
      .then([ragStatusChanged()]));

  it('rejects a change made at an older version', () =>
    given(...planWithAction(), ragStatusChanged())
      .when(changeRagStatus({ rag: 'GREEN', expectedVersion: 1 }))
      .thenThrows('CONFLICT', 'expectedVersion'));

  it('counts a progress note as a change to the action', () =>
    given(...planWithAction(), progressNoteAdded())
      .when(changeRagStatus({ expectedVersion: 1 }))
      .thenThrows('CONFLICT', 'expectedVersion'));

  it('is not moved on by a change to another action', () =>
    given(
      ...planWithAction(),
      actionAdded({ actionId: OTHER_ACTION_ID, ref: '1.2' }),
      actionOwnersAssigned(['Lead IRO'], OTHER_ACTION_ID),
    )
      .when(changeRagStatus({ expectedVersion: 1 }))
      .then([ragStatusChanged()]));
});

describe('effective date', () => {
  it.each(['2024-05', '23/04/2024', '2024-02-30'])('rejects the effective date "%s"', (effectiveDate) =>
    given(...planWithAction())
      .when(changeRagStatus({ effectiveDate }))
      .thenThrows('INVALID', 'effectiveDate'),
  );

  it('rejects an effective date in the future', () =>
    given(...planWithAction())
      .when(changeRagStatus({ effectiveDate: '2024-05-03' }), '2024-05-02T09:00:00.000Z')
      .thenThrows('INVALID', 'effectiveDate'));

  it('rejects an effective date before the inspection the plan answers began', () =>
    given(planCreated({ inspection: inspection({ startDate: '2023-10-02' }) }), themeAdded(), actionAdded())
      .when(changeRagStatus({ effectiveDate: '2023-10-01' }))
      .thenThrows('INVALID', 'effectiveDate'));

  it('accepts the day the inspection began', () =>
    given(planCreated({ inspection: inspection({ startDate: '2023-10-02' }) }), themeAdded(), actionAdded())
      .when(changeRagStatus({ effectiveDate: '2023-10-02' }))
      .then([ragStatusChanged()]));

  it.each(['2024-05-02', '2024-04-23', null])('accepts the effective date %p', (effectiveDate) =>
    given(...planWithAction())
      .when(changeRagStatus({ effectiveDate }), '2024-05-02T09:00:00.000Z')
      .then([ragStatusChanged()]),
  );

  it.each([
    ['2024-05-01T23:30:00.000Z', '2024-05-02'],
    ['2024-12-01T00:30:00.000Z', '2024-12-01'],
  ])('takes today in UK time: at %s, %s is today', (now, effectiveDate) =>
    given(...planWithAction())
      .when(changeRagStatus({ effectiveDate }), now)
      .then([ragStatusChanged()]),
  );

  it.each([
    ['2024-05-01T22:59:59.000Z', '2024-05-02'],
    ['2024-11-30T23:30:00.000Z', '2024-12-01'],
  ])('takes today in UK time: at %s, %s is still to come', (now, effectiveDate) =>
    given(...planWithAction())
      .when(changeRagStatus({ effectiveDate }), now)
      .thenThrows('INVALID', 'effectiveDate'),
  );
});

describe('assigning owners', () => {
  it('records the owners normalised', () =>
    given(...planWithAction())
      .when(assignActionOwners([' Lead  IRO ', 'Team Managers', 'lead iro']))
      .then([actionOwnersAssigned(['Lead IRO', 'Team Managers'])]));

  it('rejects the owners the action already has', () =>
    given(...planWithAction({ owners: ['Lead IRO'] }))
      .when(assignActionOwners([' Lead IRO']))
      .thenThrows('INVALID', 'owners'));

  it('rejects a blank owner name', () =>
    given(...planWithAction())
      .when(assignActionOwners(['']))
      .thenThrows('INVALID', 'owners[0]'));
});

describe('rescheduling', () => {
  it('records the new dates with the reason', () =>
    given(...planWithAction())
      .when(rescheduleAction({ commencing: '2024-01', dueBy: '2024-06' }))
      .then([actionRescheduled({ commencing: '2024-01', dueBy: '2024-06' })]));

  it('allows clearing a date', () =>
    given(...planWithAction({ commencing: '2023-12', dueBy: '2024-06' }))
      .when(rescheduleAction({ commencing: null, dueBy: '2024-06' }))
      .then([actionRescheduled({ commencing: null, dueBy: '2024-06' })]));

  it('keeps a date that is left out', () =>
    given(...planWithAction({ commencing: '2023-12', dueBy: '2024-06' }))
      .when({ type: 'RescheduleAction', data: { actionId: ACTION_ID, dueBy: '2024-09', reason: 'Slipped' } })
      .then([actionRescheduled({ commencing: '2023-12', dueBy: '2024-09', reason: 'Slipped' })]));

  it('asks for a date when none is given', () =>
    given(...planWithAction())
      .when({ type: 'RescheduleAction', data: { actionId: ACTION_ID, reason: 'Slipped' } })
      .thenThrows('INVALID', 'commencing'));

  it('blames the due date when only it moves before commencing', () =>
    given(...planWithAction({ commencing: '2023-12', dueBy: null }))
      .when({ type: 'RescheduleAction', data: { actionId: ACTION_ID, dueBy: '2023-11', reason: 'Slipped' } })
      .thenThrows('INVALID', 'dueBy'));

  it('rejects the dates the action already has', () =>
    given(...planWithAction({ commencing: '2023-12', dueBy: null }))
      .when(rescheduleAction({ commencing: '2023-12', dueBy: null }))
      .thenThrows('INVALID', 'dueBy'));

  it('rejects rescheduling without a reason', () =>
    given(...planWithAction())
      .when(rescheduleAction({ reason: ' ' }))
      .thenThrows('INVALID', 'reason'));

  it('rejects new dates that commence after the action is due', () =>
    given(...planWithAction())
      .when(rescheduleAction({ commencing: '2024-07', dueBy: '2024-06-30' }))
      .thenThrows('INVALID', 'commencing'));

  it('rejects a malformed due date', () =>
    given(...planWithAction())
      .when(rescheduleAction({ dueBy: 'June 2024' }))
      .thenThrows('INVALID', 'dueBy'));
});

describe('revising the description', () => {
  it('records the new description trimmed with the reason', () =>
    given(...planWithAction())
      .when(reviseActionDescription({ description: ' Review caseloads weekly. ' }))
      .then([actionDescriptionRevised({ description: 'Review caseloads weekly.' })]));

  it('rejects the description the action already has', () =>
    given(...planWithAction({ description: 'Review caseloads weekly.' }))
      .when(reviseActionDescription({ description: 'Review caseloads weekly.  ' }))
      .thenThrows('INVALID', 'description'));

  it('rejects a revision without a reason', () =>
    given(...planWithAction())
      .when(reviseActionDescription({ reason: '' }))
      .thenThrows('INVALID', 'reason'));
});

describe('withdrawing', () => {
  it('records the withdrawal with the reason', () =>
    given(...planWithAction())
      .when(withdrawAction({ reason: ' Merged into 1.2 ' }))
      .then([actionWithdrawn({ reason: 'Merged into 1.2' })]));

  it('rejects a withdrawal without a reason', () =>
    given(...planWithAction())
      .when(withdrawAction({ reason: ' ' }))
      .thenThrows('INVALID', 'reason'));

  it.each(everyChangeTo(ACTION_ID))('rejects $type on a withdrawn action', (command) =>
    given(...planWithAction(), actionWithdrawn())
      .when(command)
      .thenThrows('CONFLICT', 'actionId'),
  );
});

it.each(everyChangeTo('action-9-9'))('rejects $type on an unknown action', (command) =>
  given(...planWithAction())
    .when(command)
    .thenThrows('NOT_FOUND', 'actionId'),
);
