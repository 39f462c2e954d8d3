import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EVENT_STORE, type EventStore } from '../src/event-store/event-store.port.js';
import { SqliteEventStore } from '../src/event-store/sqlite/sqlite-event-store.js';
import { planStream } from '../src/plans/plan-stream.js';
import {
  dataOf,
  expectError,
  PlanApi,
  THEME_1_ACTIONS,
  THEMES,
  type ActionView,
  type Rag,
} from './support/plan-api.js';
import { startTestApp, TestClock, waitUntil, type TestApp } from './support/test-app.js';

const RAGS: Rag[] = ['RED', 'AMBER', 'GREEN', 'BLUE'];

describe('concurrent writers', () => {
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

  /** A plan with theme 1 and its ten published actions, 1.1 to 1.10. */
  async function planWithTenActions() {
    const plan = await api.createPlan();
    const theme = await api.addTheme(plan.id, THEMES.caseloads);
    const actions: ActionView[] = [];
    for (const action of THEME_1_ACTIONS) actions.push(await api.addAction(plan.id, theme.id, action));
    return { plan: (await api.plan(plan.id))!, actions };
  }

  /** Revisions of the plan's stream, in position order. */
  const revisionsOf = (planId: string) =>
    app
      .storedEvents()
      .filter((event) => event.stream.endsWith(planId))
      .map((event) => event.revision);

  it('records all of 20 parallel changes to different actions of one plan (no expectedVersion)', async () => {
    const { plan, actions } = await planWithTenActions();
    const eventsBefore = app.eventCount();
    const responses = await Promise.all(
      actions.flatMap((action, index) => [
        api.send('changeRagStatus', {
          actionId: action.id,
          rag: RAGS[index % RAGS.length],
          reason: `Reviewed at the April board (${action.ref})`,
        }),
        api.send('addProgressNote', { actionId: action.id, text: `Progress on ${action.ref} reported.` }),
      ]),
    );
    // Each answer already shows its own change (read-your-writes under load).
    responses.forEach((response, index) => {
      const [answer] = Object.values(dataOf(response)) as ActionView[];
      const ref = actions[Math.floor(index / 2)]!.ref;
      if (index % 2 === 0) expect(answer?.rag).toBe(RAGS[Math.floor(index / 2) % RAGS.length]);
      else expect(answer?.progressNotes.map((note) => note.text)).toContain(`Progress on ${ref} reported.`);
    });

    expect(app.eventCount()).toBe(eventsBefore + 20);
    const after = (await api.actions(plan.id)).map((action) => ({
      ref: action.ref,
      rag: action.rag,
      notes: action.progressNotes.map((note) => note.text),
      version: action.version,
    }));
    expect(after).toEqual(
      actions.map((action, index) => ({
        ref: action.ref,
        rag: RAGS[index % RAGS.length],
        notes: [`Progress on ${action.ref} reported.`],
        version: 3,
      })),
    );
    const read = await api.plan(plan.id);
    expect(read?.version).toBe(plan.version + 20);
    expect(read?.ragSummary).toEqual({ red: 3, amber: 3, green: 2, blue: 2, notRated: 0, total: 10 });
    const revisions = revisionsOf(plan.id);
    expect(revisions).toEqual(revisions.map((_, index) => index));
  });

  it('lets exactly one of two parallel changes with the same expectedVersion through', async () => {
    const { plan, actions } = await planWithTenActions();
    for (const action of actions.slice(0, 5)) {
      const responses = await Promise.all([
        api.send('changeRagStatus', {
          actionId: action.id,
          rag: 'GREEN',
          reason: 'Caseloads at the agreed level',
          expectedVersion: 1,
        }),
        api.send('addProgressNote', {
          actionId: action.id,
          text: 'Caseloads reviewed weekly by team managers.',
          expectedVersion: 1,
        }),
      ]);
      const succeeded = responses.filter((response) => !response.errors);
      const failed = responses.filter((response) => response.errors);
      expect(succeeded).toHaveLength(1);
      expect(failed).toHaveLength(1);
      expectError(failed[0]!, { code: 'CONFLICT', field: 'expectedVersion' });
      const [winner] = Object.values(dataOf(succeeded[0]!)) as ActionView[];
      expect(winner?.version).toBe(2);
      expect(await api.action(action.id)).toEqual(winner);
    }
    expect((await api.plan(plan.id))?.version).toBe(plan.version + 5);
  });

  it('lets exactly one of ten parallel identical changes with the same expectedVersion through', async () => {
    const { plan, actions } = await planWithTenActions();
    const action = actions[0]!;
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        api.send('changeRagStatus', {
          actionId: action.id,
          rag: RAGS[index % RAGS.length],
          reason: `Board member ${index + 1} updated it`,
          expectedVersion: 1,
        }),
      ),
    );
    const succeeded = responses.filter((response) => !response.errors);
    expect(succeeded).toHaveLength(1);
    for (const response of responses.filter((candidate) => candidate.errors)) {
      expectError(response, { code: 'CONFLICT', field: 'expectedVersion' });
    }
    expect((await api.plan(plan.id))?.version).toBe(plan.version + 1);
  });

  /**
   * In one process appends are synchronous, so parallel requests never actually collide. To make the
   * app meet a concurrent writer, another connection to the file (an import job, a second process)
   * adds a progress note to `actionId` just before each of the app's next `times` appends to the plan.
   */
  function otherWriterGetsInFirst(planId: string, actionId: string, times = 1) {
    const store = app.nest.get<EventStore>(EVENT_STORE);
    const append = store.append;
    const other = SqliteEventStore.open(join(app.dataDir, 'events.db'));
    const stream = planStream(planId);
    let remaining = times;
    store.append = async (target, events, expected) => {
      if (target === stream && remaining > 0) {
        remaining -= 1;
        const text = 'Imported from the monthly performance report.';
        const data = { planId, actionId, noteId: randomUUID(), text, personalDataAcknowledged: false };
        const metadata = {
          correlationId: 'import',
          causationId: randomUUID(),
          recordedAt: clock.peek(),
          schemaVersion: 1,
        };
        const end = (await other.readStream(stream)).length - 1;
        await other.append(stream, [{ id: randomUUID(), type: 'ProgressNoteAdded', data, metadata }], end);
      }
      return append.call(store, target, events, expected);
    };
    return async () => {
      store.append = append;
      await other.close();
    };
  }

  it('re-decides a change (no expectedVersion) when another writer got in first, and keeps both', async () => {
    const { plan, actions } = await planWithTenActions();
    const [first, second] = [actions[0]!, actions[1]!];
    const restore = otherWriterGetsInFirst(plan.id, second.id);
    try {
      const changed = await api.changeRagStatus(first.id, 'AMBER', 'Recruitment under way');
      expect(changed).toMatchObject({ rag: 'AMBER', version: 2 });
    } finally {
      await restore();
    }
    expect((await api.action(second.id))?.progressNotes).toHaveLength(1);
    expect((await api.plan(plan.id))?.version).toBe(plan.version + 2);
  });

  it('answers CONFLICT when another writer changed the same action the user had loaded', async () => {
    const { plan, actions } = await planWithTenActions();
    const action = actions[0]!;
    const restore = otherWriterGetsInFirst(plan.id, action.id);
    try {
      const error = expectError(
        await api.send('changeRagStatus', {
          actionId: action.id,
          rag: 'AMBER',
          reason: 'Recruitment under way',
          expectedVersion: 1,
        }),
        { code: 'CONFLICT', field: 'expectedVersion' },
      );
      expect(error.message).toContain('now at version 2');
    } finally {
      await restore();
    }
    // The other connection's event reaches this instance's read model by polling the file.
    await waitUntil(async () => (await api.action(action.id))?.version === 2);
    expect(await api.action(action.id)).toMatchObject({ rag: 'NOT_RATED', version: 2 });
    expect((await api.plan(plan.id))?.version).toBe(plan.version + 1);
  });

  it('gives up with CONFLICT, recording nothing of its own, when other writers keep getting in first', async () => {
    const { plan, actions } = await planWithTenActions();
    const restore = otherWriterGetsInFirst(plan.id, actions[1]!.id, 100);
    const eventsBefore = app.eventCount();
    try {
      const error = expectError(
        await api.send('changeRagStatus', { actionId: actions[0]!.id, rag: 'AMBER', reason: 'Under way' }),
        { code: 'CONFLICT' },
      );
      expect(error.message).toMatch(/try again/);
    } finally {
      await restore();
    }
    const imported = app.eventCount() - eventsBefore;
    expect(imported).toBeGreaterThan(1); // it did retry
    expect(
      app
        .storedEvents()
        .filter((event) => event.type === 'RagStatusChanged' && event.stream.endsWith(plan.id)),
    ).toEqual([]);
    const later = await api.changeRagStatus(actions[0]!.id, 'AMBER', 'Under way');
    expect(later).toMatchObject({ rag: 'AMBER', version: 2 });
  });

  /** Counts the app's appends to a plan's stream, each with how many events it carried. */
  function countAppends(planId: string) {
    const store = app.nest.get<EventStore>(EVENT_STORE);
    const append = store.append;
    const sizes: number[] = [];
    store.append = async (target, events, expected) => {
      if (target === planStream(planId)) sizes.push(events.length);
      return append.call(store, target, events, expected);
    };
    return { sizes, restore: () => (store.append = append) };
  }

  it('decides changes to one plan sent together each as if alone, appended together', async () => {
    const { plan, actions } = await planWithTenActions();
    const [already, ...others] = actions;
    await api.changeRagStatus(already!.id, 'RED', 'Caseloads above the agreed level');
    const note = { actionId: already!.id, text: 'Caseloads reviewed at the weekly meeting.' };
    const eventsBefore = app.eventCount();
    const appends = countAppends(plan.id);
    let responses;
    try {
      responses = await Promise.all([
        // Refused on its own: the action is RED already.
        api.send('changeRagStatus', { actionId: already!.id, rag: 'RED', reason: 'Still high' }),
        ...others.map((action, index) =>
          api.send('changeRagStatus', { actionId: action.id, rag: RAGS[index % 4], reason: 'Reviewed' }),
        ),
        // One request sent twice at the same moment with its key: recorded once.
        api.send('addProgressNote', note, { 'idempotency-key': 'weekly-note' }),
        api.send('addProgressNote', note, { 'idempotency-key': 'weekly-note' }),
      ]);
    } finally {
      appends.restore();
    }
    const [refused, ...rest] = responses;
    expectError(refused!, { code: 'BAD_USER_INPUT', field: 'rag' });
    rest.forEach((response) => expect(response.errors).toBeUndefined());
    const [first, resent] = rest.slice(-2).map((response) => dataOf(response).addProgressNote as ActionView);
    expect(resent).toEqual(first);
    expect(first!.progressNotes.map((recorded) => recorded.text)).toEqual([note.text]);

    expect(app.eventCount()).toBe(eventsBefore + others.length + 1);
    expect((await api.actions(plan.id)).slice(1).map((action) => action.rag)).toEqual(
      others.map((_, index) => RAGS[index % 4]),
    );
    // Fewer appends than changes: those that arrived while one was stored went in together.
    expect(appends.sizes.reduce((sum, size) => sum + size, 0)).toBe(others.length + 1);
    expect(appends.sizes.length).toBeLessThan(others.length + 1);
    const revisions = revisionsOf(plan.id);
    expect(revisions).toEqual(revisions.map((_, index) => index));
  });

  it('keeps two app instances on one store file consistent, whoever writes', async () => {
    const { plan, actions } = await planWithTenActions();
    const second = await startTestApp({ dataDir: app.dataDir, clock: clock.clock });
    try {
      const secondApi = new PlanApi(second);
      const responses = await Promise.all(
        actions.map((action, index) =>
          (index % 2 === 0 ? api : secondApi).send('changeRagStatus', {
            actionId: action.id,
            rag: 'AMBER',
            reason: `In progress (${index % 2 === 0 ? 'first' : 'second'} instance)`,
          }),
        ),
      );
      for (const response of responses) expect(response.errors).toBeUndefined();
      // Each instance answers from its own read model: the other's writes arrive by polling the file.
      for (const instance of [api, secondApi]) {
        await waitUntil(async () => (await instance.plan(plan.id))?.version === plan.version + 10);
      }
      expect(await secondApi.fullPlan(plan.id)).toEqual(await api.fullPlan(plan.id));
      expect((await api.plan(plan.id))?.ragSummary).toMatchObject({ amber: 10, total: 10 });
    } finally {
      await second.close();
    }
    expect(revisionsOf(plan.id)).toEqual(Array.from({ length: plan.version + 10 }, (_, index) => index));
  });
});
