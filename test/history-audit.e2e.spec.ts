import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  expectQueryError,
  HistoryApi,
  ManualClock,
  type PlanChangeView,
  type PlanHistoryPageView,
} from './support/history-api.js';
import { ACTIONS, NOTES, type ActionView } from './support/plan-api.js';
import { recordAuditStory } from './support/history-stories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

/** What a reader compares; ids, positions, versions and correlation ids are checked on their own. */
const content = ({
  eventId: _eventId,
  planId: _planId,
  actionId: _actionId,
  position: _position,
  version: _version,
  correlationId: _correlationId,
  ...rest
}: PlanChangeView) => rest;

describe('audit history: every change of an action, who made it, when and why', () => {
  const clock = new ManualClock('2024-03-01T09:00:00.000Z');
  let app: TestApp;
  let api: HistoryApi;
  let planId: string;
  let actions: Record<string, ActionView>;

  beforeAll(async () => {
    app = await startTestApp({ clock: clock.clock });
    api = new HistoryApi(app);
    ({ planId, actions } = await recordAuditStory(api, clock));
  });

  afterAll(async () => {
    await app.close();
  });

  it('gives every change of the action in order: what, old and new value, why, who, when, effective date', async () => {
    const history = await api.actionHistory(actions['1.1']!.id);
    const change = { actionRef: '1.1', effectiveDate: null, actor: 'Sam Patel', reason: null, from: null };
    expect(history.map(content)).toEqual([
      {
        ...change,
        kind: 'ACTION_ADDED',
        field: 'action',
        to: ACTIONS['1.1'].description,
        actor: 'Test Admin',
        recordedAt: '2024-03-01T09:01:00.000Z',
      },
      {
        ...change,
        kind: 'RAG_CHANGED',
        field: 'rag',
        from: 'AMBER',
        to: 'GREEN',
        reason: 'Caseloads below 18',
        effectiveDate: '2024-02-29',
        recordedAt: '2024-03-02T10:00:00.000Z',
      },
      {
        ...change,
        kind: 'PROGRESS_NOTE_ADDED',
        field: 'progressNotes',
        to: NOTES.caseloads,
        effectiveDate: '2024-03-01',
        recordedAt: '2024-03-03T09:00:00.000Z',
      },
      {
        ...change,
        kind: 'OWNERS_ASSIGNED',
        field: 'owners',
        from: 'Service Director; Service Manager Operations; Team Managers',
        to: 'Lead IRO',
        actor: 'Jo Bloggs',
        recordedAt: '2024-03-03T09:30:00.000Z',
      },
      {
        ...change,
        kind: 'RESCHEDULED',
        field: 'schedule',
        from: 'commencing 2023-12, due by —',
        to: 'commencing 2024-01, due by 2024-06',
        reason: 'Agreed with DfE',
        recordedAt: '2024-03-04T14:00:00.000Z',
      },
      {
        ...change,
        kind: 'DESCRIPTION_REVISED',
        field: 'description',
        from: ACTIONS['1.1'].description,
        to: 'Keep caseloads below 18.',
        reason: 'Board asked',
        recordedAt: '2024-03-04T14:00:00.000Z',
      },
      {
        ...change,
        kind: 'RAG_CHANGED',
        field: 'rag',
        from: 'GREEN',
        to: 'BLUE',
        reason: 'Embedded',
        recordedAt: '2024-03-07T11:00:00.000Z',
      },
      {
        ...change,
        kind: 'ACTION_WITHDRAWN',
        field: 'status',
        from: 'ACTIVE',
        to: 'WITHDRAWN',
        reason: 'Complete: merged into 1.2',
        actor: 'Test Admin',
        recordedAt: '2024-03-08T11:00:00.000Z',
      },
    ]);
  });

  it('places each change in the plan: its plan version, increasing log position and own event id', async () => {
    const history = await api.actionHistory(actions['1.1']!.id);
    expect(
      history.every((change) => change.planId === planId && change.actionId === actions['1.1']!.id),
    ).toBe(true);
    expect(history.map((change) => change.version)).toEqual([4, 8, 11, 12, 13, 14, 16, 17]);
    const positions = history.map((change) => BigInt(change.position));
    expect(positions).toEqual([...positions].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(new Set(positions).size).toBe(history.length);
    expect(new Set(history.map((change) => change.eventId)).size).toBe(history.length);
  });

  it('ties each change to its request: the x-correlation-id sent, or a fresh id per request', async () => {
    const [added, rag, note] = await api.actionHistory(actions['1.1']!.id);
    expect(rag!.correlationId).toBe('board-pack-7');
    expect(added!.correlationId).toMatch(UUID);
    expect(note!.correlationId).toMatch(UUID);
    expect(note!.correlationId).not.toBe(added!.correlationId);
  });

  it('keeps only the changes of that action', async () => {
    const history = await api.actionHistory(actions['1.4']!.id);
    expect(history.map(({ kind, from, to, reason }) => ({ kind, from, to, reason }))).toEqual([
      { kind: 'ACTION_ADDED', from: null, to: ACTIONS['1.4'].description, reason: null },
      { kind: 'RAG_CHANGED', from: 'AMBER', to: 'RED', reason: 'Audits paused' },
    ]);
  });

  it('gives NOT_FOUND for the history of an unknown action', async () =>
    expectQueryError(await api.actionHistoryResponse(UNKNOWN_ID), { code: 'NOT_FOUND', field: 'actionId' }));

  it('pages through the plan history with first/after, counting every change on every page', async () => {
    const all = await api.allChanges(planId);
    expect(all.map((change) => change.version)).toEqual(Array.from({ length: 17 }, (_v, index) => index + 1));
    const pages: PlanHistoryPageView[] = [];
    let after: string | undefined;
    do {
      const page = await api.planHistory(planId, { first: 5, after });
      pages.push(page);
      after = page.pageInfo.endCursor ?? undefined;
    } while (pages.at(-1)!.pageInfo.hasNextPage);

    expect(pages.map((page) => page.edges.length)).toEqual([5, 5, 5, 2]);
    expect(pages.map((page) => page.pageInfo.hasNextPage)).toEqual([true, true, true, false]);
    expect(pages.map((page) => page.totalCount)).toEqual([17, 17, 17, 17]);
    expect(pages.map((page) => page.pageInfo.endCursor)).toEqual(
      pages.map((page) => page.edges.at(-1)!.cursor),
    );
    expect(pages.flatMap((page) => page.edges.map((edge) => edge.node))).toEqual(all);
    expect(await api.planHistory(planId, { first: 5, after })).toEqual({
      edges: [],
      pageInfo: { hasNextPage: false, endCursor: null },
      totalCount: 17,
    });
  });

  it('rejects a page size out of range, a cursor it did not give, and an unknown plan', async () => {
    for (const first of [0, 501]) {
      const response = await api.planHistoryResponse(planId, { first });
      expectQueryError(response, { code: 'BAD_USER_INPUT', field: 'first' });
    }
    expectQueryError(await api.planHistoryResponse(planId, { first: 5, after: 'not-a-cursor' }), {
      code: 'BAD_USER_INPUT',
      field: 'after',
    });
    expectQueryError(await api.planHistoryResponse(UNKNOWN_ID, {}), { code: 'NOT_FOUND', field: 'planId' });
  });
});
