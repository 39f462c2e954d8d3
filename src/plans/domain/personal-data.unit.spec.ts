import { describe, it } from '@jest/globals';
import { given } from '../../../test/support/decider-spec.js';
import {
  addAction,
  changeRagStatus,
  closePlan,
  planCreated,
  planWithAction,
  reviseActionDescription,
  themeAdded,
  withdrawAction,
} from '../../../test/support/plan-builders.js';

/* Progress notes are checked in decide-action-change.unit.spec.ts: they can be acknowledged. */

describe('personal data outside progress notes', () => {
  const nhsNumber = 'Child 943 476 5919 re-referred';

  it('refuses a RAG reason that identifies a child', () =>
    given(...planWithAction())
      .when(changeRagStatus({ reason: nhsNumber }))
      .thenThrows('PERSONAL_DATA_SUSPECTED', 'reason'));

  it('refuses a revised description with a date of birth', () =>
    given(...planWithAction())
      .when(reviseActionDescription({ description: 'Review the child (DOB: 12/03/2015) weekly.' }))
      .thenThrows('PERSONAL_DATA_SUSPECTED', 'description'));

  it('refuses a withdrawal reason that identifies a child', () =>
    given(...planWithAction())
      .when(withdrawAction({ reason: nhsNumber }))
      .thenThrows('PERSONAL_DATA_SUSPECTED', 'reason'));
});

describe('personal data in a new action', () => {
  it('refuses a description with an NHS number', () =>
    given(planCreated(), themeAdded())
      .when(addAction({ description: 'Visit the child, NHS 943 476 5919, weekly.' }))
      .thenThrows('PERSONAL_DATA_SUSPECTED', 'description'));

  it('refuses a closing reason with a date of birth', () =>
    given(planCreated())
      .when(closePlan('Child born on 3rd March 2015 moved away'))
      .thenThrows('PERSONAL_DATA_SUSPECTED', 'reason'));
});
