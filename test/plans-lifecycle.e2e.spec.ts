import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ACTIONS, IOW_PLAN, MUTATIONS, PlanApi, THEMES, dataOf, expectError } from './support/plan-api.js';
import { startTestApp, TestClock, type TestApp } from './support/test-app.js';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

describe('an improvement plan from draft to closed, over HTTP', () => {
  let app: TestApp;
  let api: PlanApi;

  beforeAll(async () => {
    app = await startTestApp({ clock: new TestClock().clock });
    api = new PlanApi(app);
  });

  afterAll(async () => {
    await app.close();
  });

  it('is ready once started', async () => {
    const response = await fetch(`${app.url}/health/ready`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ready' });
  });

  it('creates a draft plan answering the inspection', async () => {
    const plan = await api.createPlan();
    expect(plan).toEqual({
      id: expect.any(String),
      title: IOW_PLAN.title,
      localAuthority: 'Isle of Wight Council',
      status: 'DRAFT',
      version: 1,
      createdAt: expect.stringMatching(ISO_INSTANT),
      updatedAt: plan.createdAt,
      inspection: IOW_PLAN.inspection,
      ragSummary: { red: 0, amber: 0, green: 0, blue: 0, notRated: 0, total: 0 },
      themes: [],
    });
    expect(await api.plan(plan.id)).toEqual(plan);
  });

  it('adds themes, including one with no heading, in order', async () => {
    const plan = await api.createPlan();
    const caseloads = await api.addTheme(plan.id, THEMES.caseloads);
    expect(caseloads).toEqual({ id: expect.any(String), planId: plan.id, ...THEMES.caseloads });
    const permanence = await api.addTheme(plan.id, THEMES.permanence);
    expect(permanence).toMatchObject({ number: 4, title: null, whatNeedsToImprove: null });

    const read = await api.plan(plan.id);
    expect(read?.themes.map((theme) => [theme.number, theme.title])).toEqual([
      [1, THEMES.caseloads.title],
      [4, null],
    ]);
    expect(read?.version).toBe(3);
  });

  it('gives an untitled theme its heading later, keeping its prose, with the reason in its history', async () => {
    const plan = await api.createPlan();
    const permanence = await api.addTheme(plan.id, {
      ...THEMES.permanence,
      inspectorFindings: 'Drift in plans.',
    });
    const response = await app.graphql<{ reviseTheme: Record<string, unknown> }>(
      `mutation ($input: ReviseThemeInput!) { reviseTheme(input: $input) { number title inspectorFindings } }`,
      {
        input: {
          planId: plan.id,
          themeId: permanence.id,
          title: 'Permanence',
          reason: 'Heading missing in the Word file',
        },
      },
    );
    expect(dataOf(response).reviseTheme).toEqual({
      number: 4,
      title: 'Permanence',
      inspectorFindings: 'Drift in plans.',
    });
    const history = await app.graphql<{ planHistory: { edges: { node: Record<string, unknown> }[] } }>(
      `query ($id: ID!) { planHistory(planId: $id, filter: { kinds: [THEME_REVISED] }) { edges { node { from to reason } } } }`,
      { id: plan.id },
    );
    expect(dataOf(history).planHistory.edges.map((edge) => edge.node)).toEqual([
      { from: '4. (untitled)', to: '4. Permanence', reason: 'Heading missing in the Word file' },
    ]);
  });

  it('adds actions with owners, dates and RAG, and one with no owner yet', async () => {
    const { plan, themes, actions } = await api.seedPlan();
    expect(actions['1.1']).toEqual({
      id: expect.any(String),
      planId: plan.id,
      themeId: themes.caseloads.id,
      ...ACTIONS['1.1'],
      dueBy: null,
      rag: 'NOT_RATED',
      withdrawn: false,
      version: 1,
      createdAt: expect.stringMatching(ISO_INSTANT),
      updatedAt: actions['1.1'].createdAt,
      progressNotes: [],
    });
    expect(actions['4.3']).toMatchObject({ ref: '4.3', owners: [], commencing: null, rag: 'NOT_RATED' });
    expect(await api.action(actions['1.1'].id)).toEqual(actions['1.1']);
  });

  it('answers a plan with its themes and their actions, in the order they were added', async () => {
    const { plan, themes } = await api.seedPlan();
    const { plan: read } = await api.query<{
      plan: { themes: { number: number; actions: { ref: string; themeId: string }[] }[] };
    }>(`query ($id: ID!) { plan(id: $id) { themes { id number actions { ref themeId } } } }`, {
      id: plan.id,
    });
    expect(read.themes.map((theme) => [theme.number, theme.actions.map((action) => action.ref)])).toEqual([
      [1, ['1.1', '1.2', '1.4']],
      [2, ['2.1']],
      [4, ['4.3']],
    ]);
    expect(read.themes[1]?.actions[0]?.themeId).toBe(themes.preProceedings.id);
  });

  it('filters actions by RAG, owner (any case), theme and unassigned', async () => {
    const { plan, themes } = await api.seedPlan();
    const refs = async (filters: Record<string, unknown>) =>
      (await api.actions(plan.id, filters)).map((action) => action.ref);

    expect(await refs({})).toEqual(['1.1', '1.2', '1.4', '2.1', '4.3']);
    expect(await refs({ rag: 'AMBER' })).toEqual(['1.2', '1.4']);
    expect(await refs({ rag: 'NOT_RATED' })).toEqual(['1.1', '4.3']);
    expect(await refs({ rag: 'RED' })).toEqual([]);
    expect(await refs({ owner: 'Service Manager Operations' })).toEqual(['1.1', '1.2', '2.1']);
    expect(await refs({ owner: "  children's management TEAM " })).toEqual(['1.4']);
    expect(await refs({ themeId: themes.caseloads.id })).toEqual(['1.1', '1.2', '1.4']);
    expect(await refs({ themeId: themes.caseloads.id, rag: 'AMBER' })).toEqual(['1.2', '1.4']);
    expect(await refs({ unassigned: true })).toEqual(['4.3']);
    expect(await refs({ unassigned: false })).toEqual(['1.1', '1.2', '1.4', '2.1']);
  });

  it('counts actions by RAG in the summary', async () => {
    const { plan } = await api.seedPlan();
    expect((await api.plan(plan.id))?.ragSummary).toEqual({
      red: 0,
      amber: 2,
      green: 1,
      blue: 0,
      notRated: 2,
      total: 5,
    });
  });

  it('lists every plan, newest first', async () => {
    const older = await api.createPlan({ title: 'Isle of Wight ILACS Improvement Plan 2023' });
    const newer = await api.createPlan();
    const plans = await api.plans();
    expect(plans.map((plan) => plan.id)).toEqual(expect.arrayContaining([older.id, newer.id]));
    expect(plans.findIndex((plan) => plan.id === newer.id)).toBeLessThan(
      plans.findIndex((plan) => plan.id === older.id),
    );
    expect(plans.find((plan) => plan.id === older.id)).toEqual(await api.plan(older.id));
    const createdAts = plans.map((plan) => plan.createdAt);
    expect(createdAts).toEqual([...createdAts].sort().reverse());
  });

  it('answers null for a plan or an action that does not exist', async () => {
    const unknown = '6f1c2a52-0a4e-4a47-9d51-3c1d2b6a7e10';
    expect(await api.plan(unknown)).toBeNull();
    expect(await api.action(unknown)).toBeNull();
  });

  it('approves a draft plan once', async () => {
    const { plan } = await api.seedPlan();
    const approved = await api.approvePlan(plan.id);
    expect(approved).toMatchObject({ id: plan.id, status: 'APPROVED', version: plan.version + 9 });
    expect((await api.plan(plan.id))?.status).toBe('APPROVED');
    await api.rejects('approvePlan', { planId: plan.id }, { code: 'CONFLICT', field: 'planId' }, plan.id);
  });

  it('keeps changing an approved plan', async () => {
    const { plan, actions } = await api.seedPlan();
    await api.approvePlan(plan.id);
    const changed = await api.changeRagStatus(actions['1.1'].id, 'AMBER', 'Recruitment under way');
    expect(changed.rag).toBe('AMBER');
  });

  it('closes a plan, after which every change is a CONFLICT and nothing is recorded', async () => {
    const { plan, themes, actions } = await api.seedPlan();
    await api.approvePlan(plan.id);
    const closed = await api.closePlan(plan.id);
    expect(closed.status).toBe('CLOSED');
    expect((await api.plan(plan.id))?.status).toBe('CLOSED');

    const actionId = actions['1.2'].id;
    const changes: [keyof typeof MUTATIONS, Record<string, unknown>][] = [
      ['approvePlan', { planId: plan.id }],
      ['closePlan', { planId: plan.id, reason: 'Closing again' }],
      ['addTheme', { planId: plan.id, number: 9, title: 'Workforce and Learning Development' }],
      ['addAction', { planId: plan.id, themeId: themes.caseloads.id, ref: '1.9', description: 'Refresh' }],
      ['changeRagStatus', { actionId, rag: 'GREEN', reason: 'Workshops delivered' }],
      ['addProgressNote', { actionId, text: 'Workshops delivered to all teams.' }],
      ['assignActionOwners', { actionId, owners: ['Lead IRO'] }],
      ['rescheduleAction', { actionId, dueBy: '2024-09', reason: 'Board agreed' }],
      ['reviseActionDescription', { actionId, description: 'Assessments are good.', reason: 'Clarity' }],
      ['withdrawAction', { actionId, reason: 'No longer needed' }],
    ];
    for (const [name, input] of changes) {
      const error = await api.rejects(name, input, { code: 'CONFLICT', field: 'planId' }, plan.id);
      expect(error.message).toMatch(/closed/);
    }
    expect(await api.action(actionId)).toEqual(actions['1.2']);
  });

  it('reports a GraphQL error for a query of an unknown field, without internals', async () => {
    const response = await app.graphql('{ plans { id budget } }');
    expect(response.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(response.body).not.toMatch(/stacktrace|\.ts:\d+/);
    expect(dataOf(await app.graphql<{ plans: unknown[] }>('{ plans { id } }')).plans.length).toBeGreaterThan(
      0,
    );
  });

  it('keeps a failed mutation from leaking a stack trace', async () => {
    const response = await api.send('addTheme', { planId: 'not-a-uuid', number: 1 });
    expectError(response, { code: 'BAD_USER_INPUT', field: 'planId' });
  });
});
