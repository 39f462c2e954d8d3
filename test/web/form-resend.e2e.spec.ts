import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { importIowPlan } from '../support/import-api.js';
import { dataOf } from '../support/plan-api.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { WebClient } from './support/web-client.js';

const FORM_KEY = /name="_formKey" value="([^"]+)"/;

/** A form sent twice (double click without JavaScript, resend after a lost answer) records once. */
describe('a page’s form sent twice', () => {
  let app: TestApp;
  let planId: string;

  beforeAll(async () => {
    app = await startTestApp();
    planId = (await importIowPlan(app, { title: 'Resent forms plan' })).planId!;
  });

  afterAll(() => app.close());

  const notesOf = async (ref: string) => {
    const { plan } = dataOf(
      await app.graphql<{
        plan: {
          actions: { id: string; ref: string; version: number; rag: string; progressNotes: unknown[] }[];
        };
      }>('query ($id: ID!) { plan(id: $id) { actions { id ref version rag progressNotes { text } } } }', {
        id: planId,
      }),
    );
    return plan.actions.find((action) => action.ref === ref)!;
  };

  it('records the monthly update once, and answers the resend as it answered the first', async () => {
    const before = await notesOf('1.1');
    const client = await WebClient.signedIn(app, { name: 'Ann Admin', roles: ['ADMIN'] });
    const page = await client.get(`/actions/${before.id}`);
    const formKey = FORM_KEY.exec(page.html)![1]!;
    const fields = {
      _formKey: formKey,
      rag: before.rag,
      expectedVersion: String(before.version),
      note: 'Sent twice by mistake.',
    };

    const first = await client.postForm(`/actions/${before.id}/update`, fields);
    const second = await client.postForm(`/actions/${before.id}/update`, fields);

    expect(first.html).not.toContain('govuk-error-summary');
    expect(first.status).toBe(303);
    expect(second).toMatchObject({ status: 303, location: first.location });
    const after = await notesOf('1.1');
    expect(after.progressNotes).toHaveLength(before.progressNotes.length + 1);
    expect(after.version).toBe(before.version + 1);
  });

  it('gives every form on a page a key of its own', async () => {
    const client = await WebClient.signedIn(app, { name: 'Ann Admin', roles: ['ADMIN'] });
    await client.get('/plans');
    const page = await client.get('/actions/' + (await notesOf('1.2')).id);
    const again = await client.get('/actions/' + (await notesOf('1.2')).id);
    expect(FORM_KEY.exec(page.html)![1]).not.toBe(FORM_KEY.exec(again.html)![1]);
  });

  it('creates one board meeting from a board-meeting form sent twice', async () => {
    const client = await WebClient.signedIn(app, { name: 'Ann Admin', roles: ['ADMIN'] });
    const page = await client.get(`/plans/${planId}/board-meetings/new`);
    // A meeting cannot be held before the plan existed, and the plan was made today.
    const today = new Date();
    const fields = {
      _formKey: FORM_KEY.exec(page.html)![1]!,
      title: 'Improvement board',
      'heldOn-day': String(today.getDate()),
      'heldOn-month': String(today.getMonth() + 1),
      'heldOn-year': String(today.getFullYear()),
    };
    const first = await client.postForm(`/plans/${planId}/board-meetings/new`, fields);
    expect(first.status).toBe(303);
    expect((await client.postForm(`/plans/${planId}/board-meetings/new`, fields)).status).toBe(303);
    const { plan } = dataOf(
      await app.graphql<{ plan: { boardMeetings: unknown[] } }>(
        'query ($id: ID!) { plan(id: $id) { boardMeetings { id } } }',
        {
          id: planId,
        },
      ),
    );
    expect(plan.boardMeetings).toHaveLength(1);
  });
});
