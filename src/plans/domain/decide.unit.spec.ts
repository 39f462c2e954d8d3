import { describe, it } from '@jest/globals';
import { given } from '../../../test/support/decider-spec.js';
import {
  actionAdded,
  actionWithdrawn,
  addAction,
  addTheme,
  createPlan,
  inspection,
  planApproved,
  planCreated,
  planWithAction,
  themeAdded,
} from '../../../test/support/plan-builders.js';

describe('creating a plan', () => {
  it('records the plan with its title and local authority trimmed', () =>
    given()
      .when(createPlan({ title: '  ILACS improvement plan ', localAuthority: ' Isle of Wight Council ' }))
      .then([planCreated({ localAuthority: 'Isle of Wight Council' })]));

  it('records the inspection the plan answers', () =>
    given()
      .when(createPlan({ inspection: inspection() }))
      .then([planCreated({ inspection: inspection() })]));

  it('treats a blank local authority as not given', () =>
    given()
      .when(createPlan({ localAuthority: '   ' }))
      .then([planCreated({ localAuthority: null })]));

  it('rejects a blank title', () =>
    given()
      .when(createPlan({ title: '  ' }))
      .thenThrows('INVALID', 'title'));

  it('accepts a title of exactly 300 characters', () =>
    given()
      .when(createPlan({ title: 'x'.repeat(300) }))
      .then([planCreated({ title: 'x'.repeat(300) })]));

  it('rejects a title over 300 characters', () =>
    given()
      .when(createPlan({ title: 'x'.repeat(301) }))
      .thenThrows('INVALID', 'title'));

  it.each<['startDate' | 'endDate', string]>([
    ['startDate', '2023-13-02'],
    ['startDate', '2023-10'],
    ['endDate', '13/10/2023'],
    ['endDate', '2023-02-29'],
  ])('rejects an inspection %s of "%s"', (field, value) =>
    given()
      .when(createPlan({ inspection: inspection({ [field]: value }) }))
      .thenThrows('INVALID', `inspection.${field}`),
  );

  it('rejects an inspection that ends before it starts', () =>
    given()
      .when(createPlan({ inspection: inspection({ startDate: '2023-10-13', endDate: '2023-10-02' }) }))
      .thenThrows('INVALID', 'inspection.endDate'));

  it('rejects an inspection without an inspectorate', () =>
    given()
      .when(createPlan({ inspection: inspection({ inspectorate: ' ' }) }))
      .thenThrows('INVALID', 'inspection.inspectorate'));

  it('rejects a plan id that is already taken', () =>
    given(planCreated()).when(createPlan()).thenThrows('CONFLICT', 'planId'));
});

describe('adding a theme', () => {
  it('records the theme with its texts trimmed and blank prose as not given', () =>
    given(planCreated())
      .when(
        addTheme({
          title: ' Caseloads ',
          whatNeedsToImprove: '  ',
          inspectorFindings: ' Caseloads are high. ',
        }),
      )
      .then([themeAdded({ inspectorFindings: 'Caseloads are high.' })]));

  it('allows a theme without a heading', () =>
    given(planCreated())
      .when(addTheme({ number: 4, title: undefined }))
      .then([themeAdded({ number: 4, title: null })]));

  it.each([0, -1, 1.5])('rejects theme number %p', (number) =>
    given(planCreated()).when(addTheme({ number })).thenThrows('INVALID', 'number'),
  );

  it('rejects a theme number the plan already has', () =>
    given(planCreated(), themeAdded())
      .when(addTheme({ themeId: 'theme-2' }))
      .thenThrows('INVALID', 'number'));

  it('rejects a theme id that is already taken', () =>
    given(planCreated(), themeAdded())
      .when(addTheme({ number: 2 }))
      .thenThrows('CONFLICT', 'themeId'));
});

describe('adding an action', () => {
  const planWithTheme = [planCreated(), themeAdded()];

  it('records the action, not rated unless told', () =>
    given(...planWithTheme)
      .when(addAction())
      .then([actionAdded({ rag: 'NOT_RATED' })]));

  it('keeps the RAG status the action was given', () =>
    given(...planWithTheme)
      .when(addAction({ rag: 'GREEN' }))
      .then([actionAdded({ rag: 'GREEN' })]));

  it('can be added once the plan is approved', () =>
    given(...planWithTheme, planApproved())
      .when(addAction())
      .then([actionAdded()]));

  it('rejects an unknown theme', () =>
    given(...planWithTheme)
      .when(addAction({ themeId: 'theme-9' }))
      .thenThrows('NOT_FOUND', 'themeId'));

  it('rejects an action id that is already taken', () =>
    given(...planWithAction())
      .when(addAction({ ref: '1.2' }))
      .thenThrows('CONFLICT', 'actionId'));

  it('rejects a ref the plan already has', () =>
    given(...planWithAction())
      .when(addAction({ actionId: 'action-1-2', ref: ' 1.1 ' }))
      .thenThrows('INVALID', 'ref'));

  it('rejects a ref the plan already has in another case', () =>
    given(...planWithTheme, actionAdded({ ref: 'A3' }))
      .when(addAction({ actionId: 'action-a3', ref: 'a3' }))
      .thenThrows('INVALID', 'ref'));

  it('rejects the ref of a withdrawn action', () =>
    given(...planWithAction(), actionWithdrawn())
      .when(addAction({ actionId: 'action-1-2' }))
      .thenThrows('INVALID', 'ref'));

  it.each(['1.10', '6.5', 'A3', '2-1', '3/2a'])('accepts the ref "%s"', (ref) =>
    given(...planWithTheme)
      .when(addAction({ ref }))
      .then([actionAdded({ ref })]),
  );

  it.each(['', '1.', '.1', '1..1', '1 1', '#1', '1.1.1.1.1.1.1.1.1.1.1'])('rejects the ref "%s"', (ref) =>
    given(...planWithTheme)
      .when(addAction({ ref }))
      .thenThrows('INVALID', 'ref'),
  );

  it.each<['commencing' | 'dueBy', string]>([
    ['commencing', '2024-13'],
    ['commencing', 'Dec 2023'],
    ['dueBy', '2024-02-30'],
    ['dueBy', '2024-3'],
  ])('rejects %s "%s"', (field, value) =>
    given(...planWithTheme)
      .when(addAction({ [field]: value }))
      .thenThrows('INVALID', field),
  );

  it('accepts commencing in a month and due later in that month', () =>
    given(...planWithTheme)
      .when(addAction({ commencing: '2024-03', dueBy: '2024-03-15' }))
      .then([actionAdded({ commencing: '2024-03', dueBy: '2024-03-15' })]));

  it('rejects commencing in a month after the action is due', () =>
    given(...planWithTheme)
      .when(addAction({ commencing: '2024-04', dueBy: '2024-03-31' }))
      .thenThrows('INVALID', 'commencing'));

  it('accepts an action with no dates', () =>
    given(...planWithTheme)
      .when(addAction({ commencing: undefined }))
      .then([actionAdded({ commencing: null, dueBy: null })]));

  it('rejects a blank owner name', () =>
    given(...planWithTheme)
      .when(addAction({ owners: ['Service Director', '  '] }))
      .thenThrows('INVALID', 'owners[1]'));

  it('normalises owner names and drops repeats whatever their case', () =>
    given(...planWithTheme)
      .when(addAction({ owners: [' Service  Director ', 'Team Managers', 'service director'] }))
      .then([actionAdded({ owners: ['Service Director', 'Team Managers'] })]));

  it.each([[[]], [undefined]])('allows an action with no owners (%p)', (owners) =>
    given(...planWithTheme)
      .when(addAction({ owners }))
      .then([actionAdded({ owners: [] })]),
  );

  it('rejects more than 20 owners', () =>
    given(...planWithTheme)
      .when(addAction({ owners: Array.from({ length: 21 }, (_, index) => `Team ${index}`) }))
      .thenThrows('INVALID', 'owners'));

  it('rejects a blank description', () =>
    given(...planWithTheme)
      .when(addAction({ description: ' \n ' }))
      .thenThrows('INVALID', 'description'));
});
