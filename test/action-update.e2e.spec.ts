import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { withActorNames } from './support/actor-names.js';
import { ACTION_FIELDS, dataOf, NHS_NUMBER, PlanApi, type ActionView } from './support/plan-api.js';
import { LiveClient } from './support/live-client.js';
import { unsealedEvents } from './support/sealed-events.js';
import { startTestApp, TestClock, type TestApp } from './support/test-app.js';

/* Defect 3 of issue 15: one request, one outcome. */

const RECORD_ACTION_UPDATE = `mutation ($input: RecordActionUpdateInput!) {
  recordActionUpdate(input: $input) { ${ACTION_FIELDS} }
}`;

/** The README's old step 4: a RAG change and a note as two mutations of one document. */
const RAG_AND_NOTE = `mutation ($actionId: ID!, $note: String!) {
  changeRagStatus(input: { actionId: $actionId, rag: GREEN, reason: "Caseloads at agreed level" }) { rag }
  addProgressNote(input: { actionId: $actionId, text: $note }) { version }
}`;

const GREEN = { rag: 'GREEN', reason: 'Caseloads at agreed level for three months' };
const NOTE = 'Two agency social workers recruited; average caseload now 18.';

describe('the monthly update of an action: all of it recorded, or none', () => {
  const clock = new TestClock('2024-04-25T09:00:00.000Z');
  let app: TestApp;
  let api: PlanApi;
  let planId: string;
  let action: ActionView;

  /** Actors read as their names, as PlanApi reads them. */
  const recordUpdate = (input: Record<string, unknown>, headers?: Record<string, string>) =>
    withActorNames(app).graphql<{ recordActionUpdate: ActionView }>(RECORD_ACTION_UPDATE, { input }, headers);

  beforeAll(async () => {
    app = await startTestApp({ clock: clock.clock });
    api = new PlanApi(app);
  });

  afterAll(async () => {
    await app.close();
  });

  beforeEach(async () => {
    const seeded = await api.seedPlan();
    planId = seeded.plan.id;
    action = seeded.actions['1.1'];
  });

  it('records the RAG change and the note in one append, and answers the action', async () => {
    const input = {
      actionId: action.id,
      expectedVersion: 1,
      ...GREEN,
      note: NOTE,
      effectiveDate: '2024-04-23',
    };
    const updated = dataOf(await recordUpdate(input)).recordActionUpdate;
    expect(updated).toMatchObject({ id: action.id, rag: 'GREEN', version: 3 });
    expect(updated.progressNotes.map((note) => [note.text, note.effectiveDate])).toEqual([
      [NOTE, '2024-04-23'],
    ]);
    expect(await api.action(action.id)).toEqual(updated);

    const [rag, note] = unsealedEvents(app).slice(-2);
    expect([rag?.type, note?.type]).toEqual(['RagStatusChanged', 'ProgressNoteAdded']);
    expect(rag?.data).toMatchObject({ from: 'NOT_RATED', to: 'GREEN', reason: GREEN.reason });
    const { causationId, correlationId, recordedAt, effectiveDate } = rag!.metadata;
    expect(note?.metadata).toMatchObject({ causationId, correlationId, recordedAt, effectiveDate });
    expect(effectiveDate).toBe('2024-04-23');
  });

  it('records nothing when the note is refused, not even the RAG change', async () => {
    const error = await api.rejectsRequest(
      () => recordUpdate({ actionId: action.id, ...GREEN, note: `NHS number ${NHS_NUMBER}` }),
      { code: 'BAD_USER_INPUT', field: 'note', reason: 'PERSONAL_DATA_SUSPECTED' },
      planId,
    );
    expect(error.message).toContain('acknowledgePersonalData');
    expect((await api.action(action.id))?.rag).toBe('NOT_RATED');
  });

  it('takes a RAG equal to the current one as no change: only the note is recorded', async () => {
    const updated = dataOf(await recordUpdate({ actionId: action.id, rag: 'NOT_RATED', note: NOTE }));
    expect(updated.recordActionUpdate).toMatchObject({ rag: 'NOT_RATED', version: 2 });
    expect(unsealedEvents(app).at(-1)?.type).toBe('ProgressNoteAdded');
    await api.rejectsRequest(
      () => recordUpdate({ actionId: action.id, rag: 'NOT_RATED', reason: 'No change', note: NOTE }),
      { code: 'BAD_USER_INPUT', field: 'reason' },
      planId,
    );
  });

  it.each([
    ['nothing to record', {}, 'BAD_USER_INPUT', 'note'],
    ['a RAG change without a reason', { rag: 'GREEN', note: NOTE }, 'BAD_USER_INPUT', 'reason'],
    [
      'a version the action has moved on from',
      { ...GREEN, note: NOTE, expectedVersion: 2 },
      'CONFLICT',
      'expectedVersion',
    ],
    [
      'an effective date before the inspection',
      { note: NOTE, effectiveDate: '2023-10-29' },
      'BAD_USER_INPUT',
      'effectiveDate',
    ],
  ])('refuses %s, recording nothing', async (_what, input, code, field) => {
    await api.rejectsRequest(() => recordUpdate({ actionId: action.id, ...input }), { code, field }, planId);
  });

  it('lets an editor update only the actions their roles own', async () => {
    const lead = await app.tokenFor({ name: 'Lead IRO', roles: ['EDITOR'], owns: ['Lead IRO'] });
    const manager = await app.tokenFor({ name: 'Sam', roles: ['EDITOR'], owns: ['Team Managers'] });
    const input = { actionId: action.id, ...GREEN, note: NOTE };
    await api.rejectsRequest(
      () => recordUpdate(input, { authorization: `Bearer ${lead}` }),
      { code: 'FORBIDDEN', field: 'actionId' },
      planId,
    );
    const updated = dataOf(await recordUpdate(input, { authorization: `Bearer ${manager}` }));
    expect(updated.recordActionUpdate.progressNotes[0]?.actor).toBe('Sam');
  });
});

describe('one mutation per request', () => {
  const clock = new TestClock('2024-04-25T09:00:00.000Z');
  let app: TestApp;
  let api: PlanApi;
  let planId: string;
  let action: ActionView;

  beforeAll(async () => {
    app = await startTestApp({ clock: clock.clock });
    api = new PlanApi(app);
    const seeded = await api.seedPlan();
    planId = seeded.plan.id;
    action = seeded.actions['1.1'];
  });

  afterAll(async () => {
    await app.close();
  });

  it('refuses a RAG change and a note in one document before recording either, naming recordActionUpdate', async () => {
    // The note is refused (personal data): before the fix the RAG change was recorded anyway.
    const variables = { actionId: action.id, note: `NHS number ${NHS_NUMBER}` };
    let status = 0;
    const error = await api.rejectsRequest(
      async () => {
        const response = await app.graphql(RAG_AND_NOTE, variables);
        status = response.status;
        return response;
      },
      { code: 'BAD_USER_INPUT', field: 'addProgressNote' },
      planId,
    );
    expect(status).toBe(400);
    expect(error.message).toContain('recordActionUpdate');
    expect(error.message).toContain('Nothing was recorded');
    expect((await api.action(action.id))?.rag).toBe('NOT_RATED');
  });

  it('counts aliases of one mutation as separate mutations', async () => {
    const twice = `mutation ($id: ID!) {
      first: addProgressNote(input: { actionId: $id, text: "Audit done." }) { version }
      second: addProgressNote(input: { actionId: $id, text: "Audit repeated." }) { version }
    }`;
    const error = await api.rejectsRequest(
      () => app.graphql(twice, { id: action.id }),
      { code: 'BAD_USER_INPUT', field: 'second' },
      planId,
    );
    expect(error.message).toContain('(addProgressNote, addProgressNote)');
  });

  it('refuses the same document over a live connection (graphql-ws), recording nothing', async () => {
    const live = await LiveClient.signedIn(app);
    try {
      await live.connected;
      const before = app.eventCount();
      const answer = await live.subscribe(RAG_AND_NOTE, { actionId: action.id, note: 'Audit done.' }).next();
      expect(answer.errors?.map((error) => [error.extensions?.code, error.extensions?.field])).toEqual([
        ['BAD_USER_INPUT', 'addProgressNote'],
      ]);
      expect(app.eventCount()).toBe(before);
    } finally {
      await live.dispose();
    }
  });

  it('still takes one mutation, with __typename beside it, and queries of many fields', async () => {
    const one = `mutation ($id: ID!) {
      __typename
      addProgressNote(input: { actionId: $id, text: "Audit done." }) { version }
    }`;
    expect(dataOf(await app.graphql(one, { id: action.id }))).toEqual({
      __typename: 'Mutation',
      addProgressNote: { version: 2 },
    });
    const many = 'query ($id: ID!) { plans { id } plan(id: $id) { id } action(id: $id) { id } }';
    expect((await app.graphql(many, { id: planId })).errors).toBeUndefined();
  });
});
