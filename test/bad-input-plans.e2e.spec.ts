import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { IOW_PLAN, PlanApi, THEMES, type ThemeView } from './support/plan-api.js';
import { startTestApp, TestClock, type TestApp } from './support/test-app.js';

/** A well-formed id that no plan, theme or action has. */
const UNKNOWN_ID = '3b0f6c1e-7d8a-4c52-9e0b-2f4a6d8c1e3f';

describe('bad input to plans, themes and actions: a precise error and nothing recorded', () => {
  let app: TestApp;
  let api: PlanApi;
  let planId: string;
  let theme: ThemeView;

  beforeAll(async () => {
    app = await startTestApp({ clock: new TestClock().clock });
    api = new PlanApi(app);
  });

  afterAll(async () => {
    await app.close();
  });

  beforeEach(async () => {
    const seeded = await api.seedPlan();
    planId = seeded.plan.id;
    theme = seeded.themes.caseloads;
  });

  const newAction = (action: Record<string, unknown>) => ({
    planId,
    themeId: theme.id,
    ref: '1.3',
    description: 'Ensure all staff consistently complete chronologies on children’s case files.',
    owners: ['Service Manager Operations', 'Team Managers'],
    commencing: '2024-04',
    ...action,
  });

  describe('unknown things', () => {
    it('NOT_FOUND for a plan that does not exist, whatever the change', async () => {
      const notFound = { code: 'NOT_FOUND', field: 'planId' };
      await api.rejects('addTheme', { planId: UNKNOWN_ID, ...THEMES.caseloads }, notFound);
      await api.rejects('addAction', newAction({ planId: UNKNOWN_ID }), notFound);
      await api.rejects('approvePlan', { planId: UNKNOWN_ID }, notFound);
      await api.rejects('closePlan', { planId: UNKNOWN_ID, reason: 'Superseded' }, notFound);
    });

    it('NOT_FOUND for a theme that does not exist, or belongs to another plan', async () => {
      const notFound = { code: 'NOT_FOUND', field: 'themeId' };
      await api.rejects('addAction', newAction({ themeId: UNKNOWN_ID }), notFound, planId);
      const other = await api.seedPlan();
      await api.rejects('addAction', newAction({ themeId: other.themes.caseloads.id }), notFound, planId);
    });

    it('BAD_USER_INPUT for an id that is not an id at all', async () => {
      await api.rejects(
        'addTheme',
        { planId: 'IOW-2024', number: 5 },
        { code: 'BAD_USER_INPUT', field: 'planId' },
      );
      await api.rejects('addAction', newAction({ themeId: 'theme-1' }), {
        code: 'BAD_USER_INPUT',
        field: 'themeId',
      });
    });
  });

  describe('text', () => {
    it('refuses an empty or blank plan title', async () => {
      const invalid = { code: 'BAD_USER_INPUT', field: 'title' };
      await api.rejects('createPlan', { ...IOW_PLAN, title: '' }, invalid);
      await api.rejects('createPlan', { ...IOW_PLAN, title: ' \n\t ' }, invalid);
    });

    it('refuses over-long text, naming the field', async () => {
      const invalid = (field: string) => ({ code: 'BAD_USER_INPUT', field });
      await api.rejects('createPlan', { ...IOW_PLAN, title: 'P'.repeat(301) }, invalid('title'));
      await api.rejects(
        'addAction',
        newAction({ description: 'd'.repeat(20_001) }),
        invalid('description'),
        planId,
      );
      await api.rejects(
        'addTheme',
        { planId, number: 5, title: 'Effective Partnership Working', inspectorFindings: 'f'.repeat(20_001) },
        invalid('inspectorFindings'),
        planId,
      );
    });

    it('accepts a description of exactly the limit', async () => {
      const action = await api.addAction(planId, theme.id, newAction({ description: 'd'.repeat(20_000) }));
      expect(action.description).toHaveLength(20_000);
    });

    it('refuses an empty description and a blank owner name', async () => {
      await api.rejects(
        'addAction',
        newAction({ description: '   ' }),
        {
          code: 'BAD_USER_INPUT',
          field: 'description',
        },
        planId,
      );
      await api.rejects(
        'addAction',
        newAction({ owners: ['Service Manager Operations', '  '] }),
        { code: 'BAD_USER_INPUT', field: 'owners[1]' },
        planId,
      );
    });

    it('refuses an inspection that ends before it starts', async () => {
      const inspection = { ...IOW_PLAN.inspection, startDate: '2023-11-03', endDate: '2023-10-30' };
      await api.rejects(
        'createPlan',
        { ...IOW_PLAN, inspection },
        {
          code: 'BAD_USER_INPUT',
          field: 'inspection.endDate',
        },
      );
    });
  });

  describe('refs and numbers', () => {
    it('refuses a ref the plan already has (after trimming)', async () => {
      const error = await api.rejects(
        'addAction',
        newAction({ ref: ' 1.1 ' }),
        { code: 'BAD_USER_INPUT', field: 'ref' },
        planId,
      );
      expect(error.message).toContain('1.1');
    });

    it('allows the same ref in another plan, and 1.10 beside 1.1', async () => {
      const other = await api.seedPlan();
      const again = await api.addAction(
        other.plan.id,
        other.themes.caseloads.id,
        newAction({ planId: other.plan.id, themeId: other.themes.caseloads.id }),
      );
      expect(again.ref).toBe('1.3');
      expect((await api.addAction(planId, theme.id, newAction({ ref: '1.10' }))).ref).toBe('1.10');
    });

    it('refuses a ref that does not look like one, and a theme number already used', async () => {
      await api.rejects(
        'addAction',
        newAction({ ref: '1.3 (new)' }),
        { code: 'BAD_USER_INPUT', field: 'ref' },
        planId,
      );
      await api.rejects(
        'addTheme',
        { planId, number: 1, title: 'Quality Assurance systems' },
        { code: 'BAD_USER_INPUT', field: 'number' },
        planId,
      );
    });
  });

  describe('plan dates', () => {
    it.each(['2024-13', 'Dec 2023', '2024-02-30', 'December 2023'])(
      'refuses commencing "%s" given as a variable',
      async (commencing) => {
        const error = await api.rejects(
          'addAction',
          newAction({ commencing }),
          { code: 'BAD_USER_INPUT', field: 'commencing' },
          planId,
        );
        expect(error.message).toContain('YYYY-MM');
      },
    );

    it.each(['2024-13', 'Dec 2023'])('refuses commencing "%s" written as a literal', async (commencing) => {
      const literal = `mutation {
        addAction(input: { planId: "${planId}", themeId: "${theme.id}", ref: "1.3",
          description: "Chronologies", commencing: "${commencing}" }) { id }
      }`;
      const error = await api.rejectsRequest(
        () => app.graphql(literal),
        { code: 'BAD_USER_INPUT', field: 'commencing' },
        planId,
      );
      expect(error.message).toContain('YYYY-MM');
    });

    it('refuses a malformed due-by date in a reschedule, as a variable and as a literal', async () => {
      const actionId = (await api.actions(planId))[0]!.id;
      await api.rejects(
        'rescheduleAction',
        { actionId, dueBy: 'Dec 2023', reason: 'Agreed at the board' },
        { code: 'BAD_USER_INPUT', field: 'dueBy' },
        planId,
      );
      await api.rejectsRequest(
        () =>
          app.graphql(`mutation { rescheduleAction(input: { actionId: "${actionId}", dueBy: "2024-13",
          reason: "Agreed" }) { id } }`),
        { code: 'BAD_USER_INPUT', field: 'dueBy' },
        planId,
      );
    });

    it('refuses an action that would commence after it is due', async () => {
      await api.rejects(
        'addAction',
        newAction({ commencing: '2024-05', dueBy: '2024-04' }),
        { code: 'BAD_USER_INPUT', field: 'commencing' },
        planId,
      );
      await api.rejects(
        'addAction',
        newAction({ commencing: '2024-05-01', dueBy: '2024-04-30' }),
        { code: 'BAD_USER_INPUT', field: 'commencing' },
        planId,
      );
    });
  });
});
