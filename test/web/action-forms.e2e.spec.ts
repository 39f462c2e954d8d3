import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { importIowPlan } from '../support/import-api.js';
import { dataOf, NHS_NUMBER } from '../support/plan-api.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { WebClient } from './support/web-client.js';

const LEAD_IRO = { name: 'Lee Ireland', roles: ['EDITOR' as const], owns: ['Lead IRO'] };
const VIEWER = { name: 'Val Viewer', roles: ['VIEWER' as const] };

interface ActionState {
  readonly id: string;
  readonly ref: string;
  readonly rag: string;
  readonly version: number;
}

/** The monthly update form over HTTP: what each answer is, and that a refusal records nothing. */
describe('the monthly update form', () => {
  let app: TestApp;
  let planId: string;

  beforeAll(async () => {
    app = await startTestApp();
    planId = (await importIowPlan(app, { title: 'Action forms plan' })).planId!;
  });

  afterAll(() => app.close());

  const actionOf = async (ref: string): Promise<ActionState> => {
    const { plan } = dataOf(
      await app.graphql<{ plan: { actions: ActionState[] } }>(
        'query ($id: ID!) { plan(id: $id) { actions { id ref rag version } } }',
        { id: planId },
      ),
    );
    return plan.actions.find((action) => action.ref === ref)!;
  };

  const form = (action: ActionState, fields: Record<string, string>) => ({
    rag: action.rag,
    expectedVersion: String(action.version),
    returnTo: '/my-actions',
    ...fields,
  });

  it('lists the editor’s own actions, overdue first, each with a form', async () => {
    const client = await WebClient.signedIn(app, LEAD_IRO);
    const page = await client.get('/my-actions');
    expect(page.status).toBe(200);
    const titles = page.html.matchAll(/govuk-summary-card__title">\s*Action (\S+) – Action forms plan/g);
    const refs = [...titles].map((match) => match[1]);
    expect(refs).toEqual(['4.1', '4.2', '5.3', '3.1', '3.2', '6.3', '7.6']);
    expect(page.html.match(/action="\/actions\/[^/]+\/update"/g)).toHaveLength(7);
  });

  it('records a RAG change with its reason and a note together, then says so on the page returned to', async () => {
    const client = await WebClient.signedIn(app, LEAD_IRO);
    await client.get('/my-actions');
    const before = await actionOf('3.1');
    const answer = await client.postForm(
      `/actions/${before.id}/update`,
      form(before, { rag: 'RED', reason: 'Audit found gaps', note: 'Audit of 20 cases done.' }),
    );
    expect(answer).toMatchObject({
      status: 303,
      location: `/my-actions?updated=${before.id}&rag=RED&note=1`,
    });
    expect(await actionOf('3.1')).toMatchObject({ rag: 'RED', version: before.version + 2 });
    const banner = (await client.get(answer.location!)).html;
    expect(banner).toContain('Update recorded for action 3.1');
    expect(banner).toContain('RAG status changed to Red');
  });

  it('keeps what was typed and records nothing when the reason is missing for a RAG change', async () => {
    const client = await WebClient.signedIn(app, LEAD_IRO);
    await client.get('/my-actions');
    const before = await actionOf('3.2');
    const answer = await client.postForm(
      `/actions/${before.id}/update`,
      form(before, { rag: 'AMBER', note: 'Typed note kept' }),
    );
    expect(answer.status).toBe(400);
    expect(answer.html).toContain('href="#reason"');
    expect(answer.html).toContain('Typed note kept');
    expect(await actionOf('3.2')).toEqual(before);
  });

  it('refuses a date that is not a real day without asking the API', async () => {
    const client = await WebClient.signedIn(app, LEAD_IRO);
    await client.get('/my-actions');
    const before = await actionOf('6.3');
    const answer = await client.postForm(
      `/actions/${before.id}/update`,
      form(before, {
        note: 'Note',
        'effectiveDate-day': '31',
        'effectiveDate-month': '2',
        'effectiveDate-year': '2024',
      }),
    );
    expect(answer.status).toBe(400);
    expect(answer.html).toContain('href="#effectiveDate-day"');
    expect(await actionOf('6.3')).toEqual(before);
  });

  it('shows what someone else changed first, keeps the typed text and takes the resubmission', async () => {
    const client = await WebClient.signedIn(app, LEAD_IRO);
    await client.get('/my-actions');
    const seen = await actionOf('7.6');
    dataOf(
      await app.graphql(
        'mutation ($input: ChangeRagStatusInput!) { changeRagStatus(input: $input) { id } }',
        { input: { actionId: seen.id, rag: 'GREEN', reason: 'Board agreed it is on track' } },
      ),
    );
    const fields = form(seen, { rag: 'RED', reason: 'Staff left', note: 'My typed note' });
    const conflict = await client.postForm(`/actions/${seen.id}/update`, fields);
    expect(conflict.status).toBe(409);
    expect(conflict.html).toContain('Your update was not recorded: someone else changed action 7.6');
    expect(conflict.html).toContain('Board agreed it is on track');
    expect(conflict.html).toMatch(/Amber → Green/);
    expect(conflict.html).toContain('My typed note');
    expect(conflict.html).toContain(`name="expectedVersion" value="${seen.version + 1}"`);
    expect(await actionOf('7.6')).toMatchObject({ rag: 'GREEN', version: seen.version + 1 });
    const resent = await client.postForm(`/actions/${seen.id}/update`, {
      ...fields,
      expectedVersion: String(seen.version + 1),
    });
    expect(resent.status).toBe(303);
    expect(await actionOf('7.6')).toMatchObject({ rag: 'RED', version: seen.version + 3 });
  });

  it('asks for a check when the note looks like personal data, and records it once ticked', async () => {
    const client = await WebClient.signedIn(app, LEAD_IRO);
    await client.get('/my-actions');
    const before = await actionOf('4.2');
    const fields = form(before, { note: `Reviewed case ${NHS_NUMBER}` });
    const warned = await client.postForm(`/actions/${before.id}/update`, fields);
    expect(warned.status).toBe(400);
    expect(warned.html).toContain('seems to contain an NHS number');
    expect(warned.html).toContain('I have checked: this is not personal data');
    expect(warned.html).toContain(`Reviewed case ${NHS_NUMBER}`);
    expect(await actionOf('4.2')).toEqual(before);
    const acknowledged = await client.postForm(`/actions/${before.id}/update`, {
      ...fields,
      acknowledgePersonalData: 'yes',
    });
    expect(acknowledged.status).toBe(303);
    expect((await actionOf('4.2')).version).toBe(before.version + 1);
  });

  it('refuses a form without the session’s CSRF token, and a VIEWER’s forged form', async () => {
    const editor = await WebClient.signedIn(app, LEAD_IRO);
    await editor.get('/my-actions');
    const before = await actionOf('5.3');
    const fields = form(before, { note: 'Forged note' });
    expect((await editor.postForm(`/actions/${before.id}/update`, { ...fields, _csrf: 'x' })).status).toBe(
      403,
    );
    const viewer = await WebClient.signedIn(app, VIEWER);
    const page = await viewer.get(`/actions/${before.id}`);
    expect(page.status).toBe(200);
    expect(page.html).not.toContain('/update"');
    expect((await viewer.postForm(`/actions/${before.id}/update`, fields)).status).toBe(403);
    expect(await actionOf('5.3')).toEqual(before);
  });

  it('shows no form to an editor for an action their roles do not own, and the API refuses it', async () => {
    const client = await WebClient.signedIn(app, LEAD_IRO);
    const other = await actionOf('1.1');
    const page = await client.get(`/actions/${other.id}`);
    expect(page.status).toBe(200);
    expect(page.html).not.toContain('/update"');
    const answer = await client.postForm(`/actions/${other.id}/update`, form(other, { note: 'Not mine' }));
    expect(answer.status).toBe(403);
    expect(await actionOf('1.1')).toEqual(other);
  });

  it('answers 404 for an action that does not exist', async () => {
    const client = await WebClient.signedIn(app, LEAD_IRO);
    expect((await client.get('/actions/no-such-action')).status).toBe(404);
  });

  it('returns to the action page when returnTo is another site', async () => {
    const client = await WebClient.signedIn(app, LEAD_IRO);
    await client.get('/my-actions');
    const before = await actionOf('6.3');
    const answer = await client.postForm(
      `/actions/${before.id}/update`,
      form(before, { note: 'Back home', returnTo: 'https://evil.example/' }),
    );
    expect(answer).toMatchObject({
      status: 303,
      location: `/actions/${before.id}?updated=${before.id}&note=1`,
    });
  });
});
