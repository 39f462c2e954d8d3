import { describe, expect, it } from '@jest/globals';
import { given, NOW } from '../../../test/support/decider-spec.js';
import {
  actionAdded,
  addAction,
  addTheme,
  createPlan,
  inspection,
  planCreated,
  signedIn,
  themeAdded,
} from '../../../test/support/plan-builders.js';
import { decideAll } from './decide-all.js';

/** The inspection began on 2 October 2023; it is now 2 May 2024. */
const inspected = inspection({ startDate: '2023-10-02' });

describe('a plan, theme or action in effect since before it was entered', () => {
  it('creates the plan as it would without the date: the date goes with the change, not the event', () =>
    given()
      .when(createPlan({ inspection: inspected, effectiveDate: '2024-01-15' }))
      .then([planCreated({ inspection: inspected })]));

  it.each([
    ['before the inspection began', '2023-10-01'],
    ['after today', '2024-05-03'],
    ['not a day', '2024-01'],
  ])('refuses a plan in effect since a day %s', (_why, effectiveDate) =>
    given()
      .when(createPlan({ inspection: inspected, effectiveDate }))
      .thenThrows('INVALID', 'effectiveDate'),
  );

  it('refuses a theme or an action in effect since before the inspection or after today', () => {
    const plan = planCreated({ inspection: inspected });
    given(plan)
      .when(addTheme({ effectiveDate: '2023-09-30' }))
      .thenThrows('INVALID', 'effectiveDate');
    given(plan, themeAdded())
      .when(addAction({ effectiveDate: '2024-05-03' }))
      .thenThrows('INVALID', 'effectiveDate');
    given(plan, themeAdded())
      .when(addAction({ effectiveDate: '2024-01-15' }))
      .then([actionAdded()]);
  });

  it('records the day with the change, so the plan speaks for it from then', () => {
    const decision = decideAll(
      [
        createPlan({ inspection: inspected, effectiveDate: '2024-01-15' }),
        addTheme({ effectiveDate: '2024-01-15' }),
      ],
      undefined,
      { recordedAt: NOW, actor: signedIn() },
    );
    if (!decision.accepted) throw decision.refusal.error;
    const { decisions, plan } = decision;
    expect(decisions.map((decision) => decision.context.effectiveDate)).toEqual(['2024-01-15', '2024-01-15']);
    expect(plan?.earliestEffectiveDate).toBe('2024-01-15');
  });
});
