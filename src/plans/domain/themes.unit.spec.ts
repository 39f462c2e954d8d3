import { describe, expect, it } from '@jest/globals';
import { foldPlan, given } from '../../../test/support/decider-spec.js';
import {
  planClosed,
  planCreated,
  reviseTheme,
  themeAdded,
  themeRevised,
} from '../../../test/support/plan-builders.js';

describe('revising a theme', () => {
  const withTheme = [
    planCreated(),
    themeAdded({ title: 'Caseloads', whatNeedsToImprove: 'Lower caseloads.' }),
  ];

  it('records every field as it now stands, keeping what was left out', () =>
    given(...withTheme)
      .when(reviseTheme({ title: ' Caseloads and supervision ', reason: 'Typo in the heading' }))
      .then([
        themeRevised({
          title: 'Caseloads and supervision',
          whatNeedsToImprove: 'Lower caseloads.',
          reason: 'Typo in the heading',
        }),
      ]));

  it('clears a field sent as null', () =>
    given(...withTheme)
      .when(reviseTheme({ whatNeedsToImprove: null }))
      .then([themeRevised({ title: 'Caseloads', whatNeedsToImprove: null })]));

  it('gives a heading to a section the document left untitled', () =>
    given(planCreated(), themeAdded({ title: null }))
      .when(reviseTheme({ title: 'Permanence' }))
      .then([themeRevised({ title: 'Permanence' })]));

  it('rejects a revision that changes nothing', () =>
    given(...withTheme)
      .when(reviseTheme({ title: 'Caseloads' }))
      .thenThrows('INVALID', 'title'));

  it('rejects a revision without a reason', () =>
    given(...withTheme)
      .when(reviseTheme({ title: 'Caseloads and supervision', reason: ' ' }))
      .thenThrows('INVALID', 'reason'));

  it('rejects an unknown theme', () =>
    given(...withTheme)
      .when(reviseTheme({ themeId: 'theme-9', title: 'Workforce' }))
      .thenThrows('NOT_FOUND', 'themeId'));

  it('rejects a revision in a closed plan', () =>
    given(...withTheme, planClosed())
      .when(reviseTheme({ title: 'Caseloads and supervision' }))
      .thenThrows('CONFLICT', 'planId'));

  it('shows the revised theme in the plan, in the same place', () => {
    const plan = foldPlan([
      ...withTheme,
      themeAdded({ themeId: 'theme-2', number: 2, title: 'PLO' }),
      themeRevised({ title: 'Caseloads and supervision' }),
    ]);
    expect(plan?.themes.map((theme) => theme.title)).toEqual(['Caseloads and supervision', 'PLO']);
  });
});
