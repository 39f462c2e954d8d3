import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { stringify } from 'csv-stringify/sync';
import { HistoryApi } from './support/history-api.js';
import { importPlan } from './support/import-api.js';
import { dataOf, PlanApi, THEMES } from './support/plan-api.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const OWNER_ROLES = `query ($id: ID!) { plan(id: $id) { ownerRoles { name aliases actionCount } } }`;
const LIST = `mutation ($input: ListOwnerRoleInput!) { listOwnerRole(input: $input) { ownerRoles { name aliases } } }`;
const RETIRE = `mutation ($input: RetireOwnerRoleInput!) { retireOwnerRole(input: $input) { ownerRoles { name } } }`;

const CSV_HEADER = ['Theme', 'Ref', 'Action', 'Action Owner', 'Commencing', 'RAG'];
const csvWith = (...rows: string[][]) => stringify([CSV_HEADER, ...rows]);

/** A plan whose ADMIN keeps a list of owner roles: "Lead IRO" (also "LIRO") and "Team Managers". */
describe('owners as a managed list', () => {
  let app: TestApp;
  let api: PlanApi;
  let planId: string;
  let themeId: string;

  beforeAll(async () => {
    app = await startTestApp();
    api = new PlanApi(app);
    planId = (await api.createPlan()).id;
    themeId = (await api.addTheme(planId, THEMES.caseloads)).id;
    for (const [name, aliases] of [
      ['Lead IRO', ['LIRO']],
      ['Team Managers', []],
    ] as const) {
      dataOf(await app.graphql(LIST, { input: { planId, name, aliases } }));
    }
  });

  afterAll(() => app.close());

  const ownerRoles = async () =>
    (await api.query<{ plan: { ownerRoles: unknown[] } }>(OWNER_ROLES, { id: planId })).plan.ownerRoles;

  it('lists the roles with their aliases', async () =>
    expect(await ownerRoles()).toEqual([
      { name: 'Lead IRO', aliases: ['LIRO'], actionCount: 0 },
      { name: 'Team Managers', aliases: [], actionCount: 0 },
    ]));

  it('records an action added with an alias under the listed name', async () => {
    const action = await api.addAction(planId, themeId, {
      ref: '1.1',
      description: 'Review care plans before each child looked after review.',
      owners: ['LIRO', 'team managers'],
    });
    expect(action.owners).toEqual(['Lead IRO', 'Team Managers']);
    expect(await ownerRoles()).toEqual([
      { name: 'Lead IRO', aliases: ['LIRO'], actionCount: 1 },
      { name: 'Team Managers', aliases: [], actionCount: 1 },
    ]);
  });

  it('refuses an owner not on the list, naming the closest listed role, and records nothing', async () => {
    const error = await api.rejects(
      'addAction',
      { planId, themeId, ref: '1.2', description: 'Audit supervision.', owners: ['Team'] },
      { code: 'BAD_USER_INPUT', field: 'owners' },
      planId,
    );
    expect(error.message).toMatch(
      /"Team" is not on the plan's list of owner roles; did you mean "Team Managers"\?/,
    );
  });

  it.each(['LIRO', 'lead i.r.o.', 'LEAD IRO'])('finds the action by the owner "%s"', async (owner) =>
    expect((await api.actions(planId, { owner })).map((action) => action.ref)).toEqual(['1.1']),
  );

  it('refuses to retire a role that still owns an action, naming it', async () => {
    const response = await app.graphql(RETIRE, {
      input: { planId, name: 'Lead IRO', reason: 'Restructure' },
    });
    expect(response.errors?.[0]).toMatchObject({
      message: '"Lead IRO" still owns action 1.1: assign other owners first',
      extensions: { code: 'CONFLICT', field: 'name' },
    });
  });

  it('refuses an import naming an owner off the list, reporting it and recording nothing', async () => {
    const before = app.eventCount();
    const report = await importPlan(app, {
      planId,
      fileName: 'plan.csv',
      format: 'CSV',
      text: csvWith(
        [
          '1. Caseloads',
          '1.1',
          'Review care plans before each child looked after review.',
          'LIRO, Team Managers',
          '',
          '',
        ],
        ['1. Caseloads', '1.2', 'Audit supervision.', 'Team', '', ''],
      ),
    });
    expect(report.problems).toEqual([
      {
        line: 3,
        message:
          'Action 1.2: owner "Team" is not on the plan\'s list of owner roles; did you mean "Team Managers"? ' +
          '(correct the cell, or list the role with listOwnerRole first)',
      },
    ]);
    expect(app.eventCount()).toBe(before);
  });

  it('imports owners named by an alias under the listed name', async () => {
    const report = await importPlan(app, {
      planId,
      fileName: 'plan.csv',
      format: 'CSV',
      text: csvWith(
        [
          '1. Caseloads',
          '1.1',
          'Review care plans before each child looked after review.',
          'LIRO, Team Managers',
          '',
          '',
        ],
        ['1. Caseloads', '1.2', 'Audit supervision.', 'liro', '', ''],
      ),
    });
    expect(report.problems).toEqual([]);
    expect(report.summary).toMatchObject({ actionsAdded: 1, ownerChanges: 0 });
    expect(
      (await api.actions(planId, { owner: 'LIRO' })).map((action) => [action.ref, action.owners]),
    ).toEqual([
      ['1.1', ['Lead IRO', 'Team Managers']],
      ['1.2', ['Lead IRO']],
    ]);
  });

  it('retires a role no action owns; history shows the listing and the retirement with its reason', async () => {
    const listed = await app.graphql(LIST, {
      input: { planId, name: 'Virtual School Head', aliases: ['VSH'] },
    });
    expect(listed.errors).toBeUndefined();
    const retired = await app.graphql(RETIRE, {
      input: { planId, name: 'virtual school head', reason: 'Not an owner in this plan' },
    });
    expect(retired.errors).toBeUndefined();
    const changes = await new HistoryApi(app).allChanges(planId, {
      kinds: ['OWNER_ROLE_LISTED', 'OWNER_ROLE_RETIRED'],
    });
    expect(changes.slice(-2)).toMatchObject([
      { kind: 'OWNER_ROLE_LISTED', field: 'ownerRoles', from: null, to: 'Virtual School Head (also: VSH)' },
      {
        kind: 'OWNER_ROLE_RETIRED',
        from: 'Virtual School Head (also: VSH)',
        to: null,
        reason: 'Not an owner in this plan',
      },
    ]);
  });

  it('leaves a plan with no list as it was: any owner is recorded as written', async () => {
    const other = await api.createPlan();
    const theme = await api.addTheme(other.id, THEMES.caseloads);
    const action = await api.addAction(other.id, theme.id, {
      ref: '1.1',
      description: 'Audit.',
      owners: ['LIRO'],
    });
    expect(action.owners).toEqual(['LIRO']);
  });
});
