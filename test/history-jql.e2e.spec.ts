import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { expectQueryError, HistoryApi, ManualClock, type PlanChangeView } from './support/history-api.js';
import { THEMES, type ActionView } from './support/plan-api.js';
import { recordAuditStory } from './support/history-stories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const kindsAndRefs = (changes: readonly PlanChangeView[]) =>
  changes.map((change) => `${change.kind} ${change.actionRef}`);

describe('JQL-like questions about the history of a plan', () => {
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

  describe('planHistory(filter): CHANGED FROM .. TO .. DURING .. BY', () => {
    const during = { from: '2024-03-02T00:00:00Z', to: '2024-03-04T23:59:59Z' };

    it('answers "which actions went from AMBER to GREEN during a period"', async () => {
      const changes = await api.allChanges(planId, { ragFrom: 'AMBER', ragTo: 'GREEN', ...during });
      expect(changes).toEqual([
        expect.objectContaining({
          kind: 'RAG_CHANGED',
          actionRef: '1.1',
          from: 'AMBER',
          to: 'GREEN',
          actor: 'Sam Patel',
          recordedAt: '2024-03-02T10:00:00.000Z',
        }),
      ]);
    });

    it('answers AMBER to GREEN at any time, and anything to GREEN during the period', async () => {
      expect(kindsAndRefs(await api.allChanges(planId, { ragFrom: 'AMBER', ragTo: 'GREEN' }))).toEqual([
        'RAG_CHANGED 1.1',
        'RAG_CHANGED 1.2',
      ]);
      expect(kindsAndRefs(await api.allChanges(planId, { ragTo: 'GREEN', ...during }))).toEqual([
        'RAG_CHANGED 1.1',
        'RAG_CHANGED 2.1',
      ]);
      expect(kindsAndRefs(await api.allChanges(planId, { ragFrom: 'GREEN' }))).toEqual(['RAG_CHANGED 1.1']);
    });

    it('includes changes recorded exactly at either end of the period', async () => {
      const exactly = { from: '2024-03-02T10:30:00.000Z', to: '2024-03-02T11:00:00.000Z' };
      expect(kindsAndRefs(await api.allChanges(planId, exactly))).toEqual([
        'RAG_CHANGED 2.1',
        'RAG_CHANGED 1.4',
      ]);
    });

    it('answers "what did this person change", in any case', async () => {
      expect(kindsAndRefs(await api.allChanges(planId, { actor: 'jo BLOGGS' }))).toEqual([
        'RAG_CHANGED 2.1',
        'OWNERS_ASSIGNED 1.1',
        'RAG_CHANGED 1.2',
      ]);
      expect(await api.allChanges(planId, { actor: 'Someone Else' })).toEqual([]);
    });

    it('pages a filtered history, counting every match', async () => {
      const filter = { actor: 'Sam Patel' };
      const firstPage = await api.planHistory(planId, { filter, first: 2 });
      expect(firstPage.totalCount).toBe(6);
      expect(firstPage.pageInfo.hasNextPage).toBe(true);
      const after = firstPage.pageInfo.endCursor!;
      const rest = await api.planHistory(planId, { filter, first: 10, after });
      expect(rest.totalCount).toBe(6);
      expect(rest.pageInfo.hasNextPage).toBe(false);
      expect([...firstPage.edges, ...rest.edges].map((edge) => edge.node)).toEqual(
        await api.allChanges(planId, filter),
      );
      expect(rest.edges.map((edge) => edge.node.actor)).toEqual(Array(4).fill('Sam Patel'));
    });

    it('filters by kinds of change and by action', async () => {
      const kinds = ['PROGRESS_NOTE_ADDED', 'OWNERS_ASSIGNED', 'ACTION_WITHDRAWN'];
      expect(kindsAndRefs(await api.allChanges(planId, { kinds }))).toEqual([
        'PROGRESS_NOTE_ADDED 1.1',
        'OWNERS_ASSIGNED 1.1',
        'ACTION_WITHDRAWN 1.1',
      ]);
      expect(kindsAndRefs(await api.allChanges(planId, { actionId: actions['2.1']!.id }))).toEqual([
        'ACTION_ADDED 2.1',
        'RAG_CHANGED 2.1',
      ]);
      const planLevel = await api.allChanges(planId, { kinds: ['PLAN_CREATED', 'THEME_ADDED'] });
      expect(planLevel.map((change) => [change.kind, change.to, change.actionId])).toEqual([
        ['PLAN_CREATED', expect.stringContaining('Isle of Wight'), null],
        ['THEME_ADDED', `1. ${THEMES.caseloads.title}`, null],
        ['THEME_ADDED', `2. ${THEMES.preProceedings.title}`, null],
      ]);
    });

    it('combines filters: what Sam Patel changed on 1.1 during the period, other than notes', async () => {
      const kinds = ['RAG_CHANGED', 'RESCHEDULED', 'DESCRIPTION_REVISED'];
      const filter = { ...during, actor: 'Sam Patel', actionId: actions['1.1']!.id, kinds };
      expect(kindsAndRefs(await api.allChanges(planId, filter))).toEqual([
        'RAG_CHANGED 1.1',
        'RESCHEDULED 1.1',
        'DESCRIPTION_REVISED 1.1',
      ]);
    });
  });

  describe('actionsWithRag: which actions had a RAG status on a date (JQL WAS)', () => {
    it('answers "which actions were RED", inclusive of changes recorded at that instant', async () => {
      expect(await api.refsWithRag(planId, 'RED', '2024-03-01T12:00:00Z')).toEqual(['2.1']);
      expect(await api.refsWithRag(planId, 'RED', '2024-03-02T10:29:59.999Z')).toEqual(['2.1']);
      expect(await api.refsWithRag(planId, 'RED', '2024-03-02T10:30:00.000Z')).toEqual([]);
      expect(await api.refsWithRag(planId, 'RED', '2024-03-02T11:00:00.000Z')).toEqual(['1.4']);
      expect(await api.refsWithRag(planId, 'AMBER', '2024-03-01T12:00:00Z')).toEqual(['1.1', '1.2', '1.4']);
    });

    it('leaves out actions withdrawn by then', async () => {
      expect(await api.refsWithRag(planId, 'GREEN', '2024-03-07T12:00:00Z')).toEqual(['1.2', '2.1']);
      expect(await api.refsWithRag(planId, 'BLUE', '2024-03-07T12:00:00Z')).toEqual(['1.1']);
      expect(await api.refsWithRag(planId, 'BLUE', '2024-03-08T11:00:00.000Z')).toEqual([]);
    });

    it('gives NOT_FOUND for a date before the plan existed, and for an unknown plan', async () => {
      expectQueryError(await api.actionsWithRagResponse(planId, 'RED', '2024-02-29T12:00:00Z'), {
        code: 'NOT_FOUND',
        field: 'on',
      });
      expectQueryError(await api.actionsWithRagResponse(UNKNOWN_ID, 'RED', '2024-03-02T12:00:00Z'), {
        code: 'NOT_FOUND',
        field: 'planId',
      });
    });
  });
});
