import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { importPlan, reimportExport } from './support/import-api.js';
import { INVALID_UTF8 } from '../src/http/strict-json-body.js';
import { MUTATIONS, PlanApi, type ActionView } from './support/plan-api.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/* Issue 18, defect 5: one text rule at the edge, and what it accepts comes back from an export. */

const LIST_OWNER_ROLE = `mutation ($input: ListOwnerRoleInput!) { listOwnerRole(input: $input) { id } }`;
const invalid = (field: string) => ({ code: 'BAD_USER_INPUT', field });

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});

afterAll(async () => {
  await app.close();
});

describe('the text rule at the API’s edge', () => {
  let api: PlanApi;
  let planId: string;
  let action: ActionView;

  beforeAll(async () => {
    api = new PlanApi(app);
    const { plan, actions } = await api.seedPlan();
    planId = plan.id;
    action = actions['1.1'];
  });

  it('refuses a control character in a title or a description, naming the field and where it is', async () => {
    const title = await api.rejects('createPlan', { title: 'Plan\u0007' }, invalid('title'));
    expect(title.message).toBe('title contains a control character (U+0007) at position 5');
    const themeId = (await api.plan(planId))!.themes[0]!.id;
    const input = { planId, themeId, ref: '1.9', description: '\u001b[31mred' };
    const description = await api.rejects('addAction', input, invalid('description'), planId);
    expect(description.message).toBe('description contains a control character (U+001B) at position 1');
  });

  it.each([
    [
      'a zero-width-only note',
      '\u200B\u200D',
      'text holds only invisible characters (such as U+200B), so it would look empty',
    ],
    ['a noncharacter', 'Audit\uFFFE', 'text contains a noncharacter (U+FFFE) at position 6'],
    [
      'half of a character pair',
      'Audit \uD83D',
      'text contains half of a character pair (U+D83D) at position 7: the text was cut or damaged before it reached us',
    ],
    ['a NUL', 'Audit\u0000done', 'text contains a control character (U+0000) at position 6'],
  ])('refuses a progress note with %s, and records nothing', async (_, text, message) => {
    const error = await api.rejects(
      'addProgressNote',
      { actionId: action.id, text },
      invalid('text'),
      planId,
    );
    expect(error.message).toBe(message);
  });

  it('names the owner at fault, and counts owners before repeats are dropped', async () => {
    await api.rejects(
      'assignActionOwners',
      { actionId: action.id, owners: ['Lead IRO', 'Team\u000bManagers'] },
      invalid('owners[1]'),
      planId,
    );
    const error = await api.rejects(
      'assignActionOwners',
      { actionId: action.id, owners: Array.from({ length: 21 }, () => 'Lead IRO') },
      invalid('owners'),
      planId,
    );
    expect(error.message).toBe('an action can have at most 20 owners (got 21)');
    await api.rejects(
      'assignActionOwners',
      { actionId: action.id, owners: ['—'] },
      invalid('owners[0]'),
      planId,
    );
  });

  it('reaches nested inputs and lists: evidence, aliases', async () => {
    const evidence = [{ kind: 'DOCUMENT', title: 'Audit\u0085report', reference: 'SA-1' }];
    await api.rejects(
      'changeRagStatus',
      { actionId: action.id, rag: 'RED', reason: 'Slipped', evidence },
      invalid('evidence[0].title'),
      planId,
    );
    await api.rejectsRequest(
      () =>
        app.graphql(LIST_OWNER_ROLE, { input: { planId, name: 'Lead IRO', aliases: ['LIRO', '\uFEFF'] } }),
      invalid('aliases[1]'),
      planId,
    );
  });

  it('refuses a request body that is not UTF-8 with 400, recording nothing', async () => {
    const before = app.eventCount();
    const body = Buffer.concat([
      Buffer.from(
        JSON.stringify({
          query: MUTATIONS.addProgressNote,
          variables: { input: { actionId: action.id, text: 'Caf' } },
        }).slice(0, -5),
      ),
      Buffer.from([0xe9]),
      Buffer.from('"}}}'),
    ]);
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { ...(await app.adminHeaders()), 'content-type': 'application/json' },
      body,
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain(INVALID_UTF8);
    expect(app.eventCount()).toBe(before);
  });

  it('reports an imported cell the API would refuse as a problem of the import, recording nothing', async () => {
    const before = app.eventCount();
    const csv = 'Theme,Ref,Action\r\n1. Caseloads,1.1,Audit\u0007 done\r\n';
    const report = await importPlan(app, { planId, fileName: 'bad.csv', format: 'CSV', text: csv });
    expect(report.problems).toContainEqual({
      line: 2,
      message: 'Column "Action" contains a control character (U+0007) at position 6',
    });
    expect(report.appendedEvents).toBe(0);
    expect(app.eventCount()).toBe(before);
  });
});

describe('text the rule accepts, exported and imported back', () => {
  let planId: string;

  beforeAll(async () => {
    const api = new PlanApi(app);
    const plan = await api.createPlan({ title: 'Plan _x0041_ ’quoted’' });
    planId = plan.id;
    const theme = await api.addTheme(plan.id, {
      number: 1,
      title: "'@risk..",
      whatNeedsToImprove: '\tIndented\r\nline\n\u00a0\nnext 𝒜',
    });
    const action = await api.addAction(plan.id, theme.id, {
      ref: '1.1',
      description: "'=1+1",
      owners: ['Lead IRO', "+44 Team's 😀"],
    });
    for (const note of [
      "'=1+1",
      '=HYPERLINK("https://example.org")',
      '@cmd _x000D_ done',
      '-2 vacancies\r\n\r\n+1 agency',
      "''-x",
    ])
      await api.addProgressNote(action.id, note);
  });

  it.each(['csv', 'xlsx'] as const)('comes back from the %s with no change recorded', async (format) => {
    const before = app.eventCount();
    const report = await reimportExport(app, planId, format);
    expect(report).toMatchObject({ problems: [], changes: [], appendedEvents: 0 });
    expect(app.eventCount()).toBe(before);
  });
});
