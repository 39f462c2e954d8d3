import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { dataOf, expectError, PlanApi, type ActionView } from './support/plan-api.js';
import { startTestApp, TestClock, type TestApp } from './support/test-app.js';

const keyed = (key: string) => ({ 'idempotency-key': key });

const RECORD_BOARD_MEETING = `mutation ($input: RecordBoardMeetingInput!) {
  recordBoardMeeting(input: $input) { id heldOn title }
}`;

// A client that times out and sends the same mutation again with the same Idempotency-Key.
describe('a request resent with the same Idempotency-Key', () => {
  const clock = new TestClock();
  let app: TestApp;
  let api: PlanApi;

  beforeAll(async () => {
    app = await startTestApp({ clock: clock.clock });
    api = new PlanApi(app);
  });

  afterAll(async () => {
    await app.close();
  });

  const eventsOf = (type: string, actionId: string) =>
    app.storedEvents().filter((event) => event.type === type && event.data.actionId === actionId).length;

  /** Sends the mutation twice with one key; both answers, and how many events the resend added. */
  async function sendTwice(
    name: Parameters<PlanApi['send']>[0],
    input: Record<string, unknown>,
    key: string,
  ) {
    const first = await api.send(name, input, keyed(key));
    const eventsAfterFirst = app.eventCount();
    const second = await api.send(name, input, keyed(key));
    return {
      first: dataOf(first)[name],
      second: dataOf(second)[name],
      added: app.eventCount() - eventsAfterFirst,
    };
  }

  it('records a progress note once and answers the resend as the first', async () => {
    const { actions } = await api.seedPlan();
    const input = { actionId: actions['1.1'].id, text: 'Caseload audit completed in May.' };
    const { first, second, added } = await sendTwice('addProgressNote', input, 'note-1.1-may');
    expect(added).toBe(0);
    expect(second).toEqual(first);
    expect((second as ActionView).progressNotes.map((note) => note.text)).toEqual([input.text]);
  });

  it('answers a resent RAG change with the action, not a misleading "already GREEN"', async () => {
    const { actions } = await api.seedPlan();
    const input = { actionId: actions['1.2'].id, rag: 'GREEN', reason: 'Workshops held' };
    const { first, second, added } = await sendTwice('changeRagStatus', input, 'rag-1.2');
    expect(added).toBe(0);
    expect(second).toEqual(first);
    expect(eventsOf('RagStatusChanged', input.actionId)).toBe(1);
  });

  it('adds an action once and answers the resend with that action', async () => {
    const { plan, themes } = await api.seedPlan();
    const input = {
      planId: plan.id,
      themeId: themes.caseloads.id,
      ref: '1.9',
      description: 'Recruit two AMHPs.',
    };
    const { first, second, added } = await sendTwice('addAction', input, 'add-1.9');
    expect(added).toBe(0);
    expect(second).toEqual(first);
    expect((await api.actions(plan.id)).filter((action) => action.ref === '1.9')).toHaveLength(1);
  });

  it('creates one plan, however often createPlan is resent', async () => {
    const plansBefore = (await api.plans()).length;
    const { first, second, added } = await sendTwice('createPlan', { title: 'Resent plan' }, 'plan-2025');
    expect(added).toBe(0);
    expect(second).toEqual(first);
    expect((await api.plans()).length).toBe(plansBefore + 1);
  });

  it('records a board meeting once', async () => {
    const { plan } = await api.seedPlan();
    const input = { planId: plan.id, heldOn: clock.peek().slice(0, 10), title: 'April improvement board' };
    const send = () => app.graphql(RECORD_BOARD_MEETING, { input }, keyed('board-april'));
    const first = dataOf(await send());
    const eventsAfterFirst = app.eventCount();
    expect(dataOf(await send())).toEqual(first);
    expect(app.eventCount()).toBe(eventsAfterFirst);
  });

  it('treats the same key from another user as another key', async () => {
    const { actions } = await api.seedPlan();
    const input = { actionId: actions['1.1'].id, text: 'Reviewed by both heads of service.' };
    const sam = { authorization: `Bearer ${await app.tokenFor({ name: 'Sam Admin', roles: ['ADMIN'] })}` };
    dataOf(await api.send('addProgressNote', input, keyed('shared-key')));
    dataOf(await api.send('addProgressNote', input, { ...sam, ...keyed('shared-key') }));
    expect((await api.action(actions['1.1'].id))?.progressNotes).toHaveLength(2);
  });

  it('refuses a key reused for a different change, recording nothing', async () => {
    const { plan, actions } = await api.seedPlan();
    dataOf(
      await api.send('addProgressNote', { actionId: actions['1.1'].id, text: 'First.' }, keyed('reused')),
    );
    const refusal = await api.rejectsRequest(
      () =>
        api.send(
          'changeRagStatus',
          { actionId: actions['1.4'].id, rag: 'RED', reason: 'Slipped' },
          keyed('reused'),
        ),
      { code: 'BAD_USER_INPUT', field: 'Idempotency-Key' },
      plan.id,
    );
    expect(refusal.message).toBe('This key was already used for a different change');
  });

  it.each([
    ['longer than 200 characters', 'k'.repeat(201)],
    ['not ASCII', 'clé-1'],
  ])('refuses a key %s, recording nothing', async (_, key) => {
    const { plan, actions } = await api.seedPlan();
    await api.rejectsRequest(
      () => api.send('addProgressNote', { actionId: actions['1.1'].id, text: 'Keyed.' }, keyed(key)),
      { code: 'BAD_USER_INPUT', field: 'Idempotency-Key' },
      plan.id,
    );
    expect(
      expectError(await api.send('createPlan', { title: 'Keyed' }, keyed(key)), {
        code: 'BAD_USER_INPUT',
        field: 'Idempotency-Key',
      }).message,
    ).toMatch(/1 to 200 printable ASCII/);
  });

  it('keeps the key hashed with the user in every event of the request, never the key itself', async () => {
    const { actions } = await api.seedPlan();
    const input = { actionId: actions['4.3'].id, rag: 'AMBER', reason: 'Started', note: 'Plan agreed.' };
    dataOf(
      await app.graphql(
        'mutation ($input: RecordActionUpdateInput!) { recordActionUpdate(input: $input) { id } }',
        { input },
        keyed('update-4.3'),
      ),
    );
    const [rag, note] = app
      .storedEvents()
      .slice(-2)
      .map((event) => event.metadata);
    expect(rag).toMatchObject({
      idempotencyKey: expect.stringMatching(/^[0-9a-f]{64}$/),
      requestFingerprint: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(note).toMatchObject({
      idempotencyKey: rag?.idempotencyKey,
      requestFingerprint: rag?.requestFingerprint,
    });
    expect(JSON.stringify(app.storedEvents())).not.toContain('update-4.3');
  });

  it('leaves a request without a key as before: sent twice, recorded twice', async () => {
    const { actions } = await api.seedPlan();
    const input = { actionId: actions['2.1'].id, text: 'Sent twice on purpose.' };
    await api.addProgressNote(input.actionId, input.text);
    await api.addProgressNote(input.actionId, input.text);
    expect((await api.action(input.actionId))?.progressNotes).toHaveLength(2);
  });

  it('forgets a key after 24 hours: a resend is then refused as a duplicate, never doubled', async () => {
    const { actions } = await api.seedPlan();
    const input = { actionId: actions['1.4'].id, text: 'Sent before the weekend.' };
    dataOf(await api.send('addProgressNote', input, keyed('old-key')));
    clock.set(new Date(Date.parse(clock.peek()) + 25 * 3_600_000).toISOString());
    await api.rejectsRequest(() => api.send('addProgressNote', input, keyed('old-key')), {
      code: 'CONFLICT',
      field: 'noteId',
    });
    expect((await api.action(input.actionId))?.progressNotes).toHaveLength(1);
  });
});
