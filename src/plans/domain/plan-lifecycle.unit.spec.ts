import { describe, it } from '@jest/globals';
import { given } from '../../../test/support/decider-spec.js';
import {
  addAction,
  addProgressNote,
  addTheme,
  approvePlan,
  assignActionOwners,
  changeRagStatus,
  closePlan,
  createPlan,
  planApproved,
  planClosed,
  planCreated,
  planWithAction,
  rescheduleAction,
  reviseActionDescription,
  withdrawAction,
} from '../../../test/support/plan-builders.js';

describe('approving and closing a plan', () => {
  it('approves a draft plan', () => given(planCreated()).when(approvePlan()).then([planApproved()]));

  it('rejects approving a plan that is already approved', () =>
    given(planCreated(), planApproved()).when(approvePlan()).thenThrows('CONFLICT', 'planId'));

  it('rejects a change to a plan that does not exist', () =>
    given().when(approvePlan()).thenThrows('NOT_FOUND', 'planId'));

  it('closes an approved plan with the reason trimmed', () =>
    given(planCreated(), planApproved())
      .when(closePlan('  Superseded by the 2025 plan  '))
      .then([planClosed('Superseded by the 2025 plan')]));

  it('rejects closing a plan without a reason', () =>
    given(planCreated()).when(closePlan(' ')).thenThrows('INVALID', 'reason'));

  it.each([
    createPlan(),
    approvePlan(),
    closePlan(),
    addTheme({ themeId: 'theme-2', number: 2 }),
    addAction({ actionId: 'action-1-2', ref: '1.2' }),
    changeRagStatus(),
    addProgressNote(),
    assignActionOwners(['Lead IRO']),
    rescheduleAction(),
    reviseActionDescription(),
    withdrawAction(),
  ])('rejects $type once the plan is closed', (command) =>
    given(...planWithAction(), planClosed())
      .when(command)
      .thenThrows('CONFLICT', 'planId'),
  );
});
