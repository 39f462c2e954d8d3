import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { withActorNames } from './support/actor-names.js';
import { expectQueryError, HistoryApi, ManualClock } from './support/history-api.js';
import { dataOf } from './support/plan-api.js';
import {
  END_OF_APRIL_BOARD_DAY,
  END_OF_MAY_BOARD_DAY,
  recordSlippageStory,
} from './support/slippage-story.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/* Every RAG movement between two boards, the slippage of actions, over GraphQL. */

const MOVEMENTS = `query ($planId: ID!, $sinceBoardMeeting: ID, $until: DateTime) {
  planChanges(planId: $planId, sinceBoardMeeting: $sinceBoardMeeting, until: $until) {
    ragMovements { action { ref } from to direction reason actor { name } recordedAt effectiveDate reasons }
    netRagChanges { action { ref } from to direction addedInPeriod reasons movements { reason } }
    slippedActions { action { ref } daysSlipped }
  }
}`;

const SLIPPED = `query ($planId: ID!, $since: DateTime, $sinceBoardMeeting: ID) {
  slippedActions(planId: $planId, since: $since, sinceBoardMeeting: $sinceBoardMeeting) {
    planId since until sinceBoardMeeting { title }
    actions {
      action { ref dueBy }
      from { commencing dueBy }
      to { commencing dueBy }
      daysSlipped
      reschedules { from { dueBy } to { dueBy } daysSlipped reason actor { name } recordedAt effectiveDate }
    }
  }
}`;

const SLIPPAGE_FIELDS = 'ref originalCommencing originalDueBy rescheduleCount daysSlipped overdue';
const ACTION_SLIPPAGE = `query ($id: ID!, $asOf: DateTime, $on: Date) {
  action(id: $id, asOf: $asOf) { ${SLIPPAGE_FIELDS} overdueOn: overdue(on: $on) }
}`;

describe('between two boards: every RAG movement, and what slipped', () => {
  const clock = new ManualClock('2024-04-01T08:00:00.000Z');
  let app: TestApp;
  let story: Awaited<ReturnType<typeof recordSlippageStory>>;
  const query = async <T>(source: string, variables: Record<string, unknown>) =>
    dataOf(await withActorNames(app).graphql<T>(source, variables));

  beforeAll(async () => {
    app = await startTestApp({ clock: clock.clock });
    story = await recordSlippageStory(new HistoryApi(app), clock);
  });

  afterAll(async () => {
    await app.close();
  });

  describe('planChanges', () => {
    type Answer = {
      planChanges: {
        ragMovements: Record<string, unknown>[];
        netRagChanges: Record<string, unknown>[];
        slippedActions: { action: { ref: string }; daysSlipped: number }[];
      };
    };
    let diff: Answer['planChanges'];
    beforeAll(async () => {
      const variables = {
        planId: story.planId,
        sinceBoardMeeting: story.april.id,
        until: END_OF_MAY_BOARD_DAY,
      };
      diff = (await query<Answer>(MOVEMENTS, variables)).planChanges;
    });

    it('lists 1.1 going AMBER → RED → AMBER, with who, when, the effective date and why', () =>
      expect(diff.ragMovements).toEqual([
        {
          action: { ref: '1.1' },
          from: 'AMBER',
          to: 'RED',
          direction: 'WORSENED',
          reason: 'Two social workers left',
          actor: 'Sam Patel',
          recordedAt: '2024-04-15T09:00:00.000Z',
          effectiveDate: '2024-04-12',
          reasons: ['Two social workers left'],
        },
        {
          action: { ref: '1.3' },
          from: 'AMBER',
          to: 'RED',
          direction: 'WORSENED',
          reason: 'Partner withdrew',
          actor: 'Sam Patel',
          recordedAt: '2024-04-23T09:00:00.000Z',
          effectiveDate: null,
          reasons: ['Partner withdrew'],
        },
        {
          action: { ref: '1.1' },
          from: 'RED',
          to: 'AMBER',
          direction: 'IMPROVED',
          reason: 'Agency staff started',
          actor: 'Jo Bloggs',
          recordedAt: '2024-04-29T09:00:00.000Z',
          effectiveDate: null,
          reasons: ['Agency staff started'],
        },
      ]));

    it('nets each action from the start of the period (or when added) to its end: 1.1 has no net change', () =>
      expect(diff.netRagChanges).toEqual([
        {
          action: { ref: '1.3' },
          from: 'AMBER',
          to: 'RED',
          direction: 'WORSENED',
          addedInPeriod: true,
          reasons: ['Partner withdrew'],
          movements: [{ reason: 'Partner withdrew' }],
        },
      ]));

    it('lists what slipped in the same period', () =>
      expect(diff.slippedActions).toEqual([{ action: { ref: '1.1' }, daysSlipped: 123 }]));
  });

  describe('slippedActions', () => {
    type Answer = { slippedActions: Record<string, unknown> & { actions: unknown[] } };

    it('lists the actions rescheduled since a board, each reschedule with who, when and why', async () => {
      const { slippedActions } = await query<Answer>(SLIPPED, {
        planId: story.planId,
        sinceBoardMeeting: story.april.id,
      });
      expect(slippedActions).toEqual({
        planId: story.planId,
        since: END_OF_APRIL_BOARD_DAY,
        until: '2024-05-21T09:00:00.000Z',
        sinceBoardMeeting: { title: 'April board' },
        actions: [
          {
            action: { ref: '1.1', dueBy: '2024-10' },
            from: { commencing: '2023-12', dueBy: '2024-06' },
            to: { commencing: '2023-12', dueBy: '2024-10' },
            daysSlipped: 123,
            reschedules: [
              {
                from: { dueBy: '2024-06' },
                to: { dueBy: '2024-09' },
                daysSlipped: 92,
                reason: 'Recruitment delayed',
                actor: 'Jo Bloggs',
                recordedAt: '2024-04-18T09:00:00.000Z',
                effectiveDate: '2024-04-17',
              },
              {
                from: { dueBy: '2024-09' },
                to: { dueBy: '2024-10' },
                daysSlipped: 31,
                reason: 'Training moved to the autumn',
                actor: 'Sam Patel',
                recordedAt: '2024-05-02T09:00:00.000Z',
                effectiveDate: null,
              },
            ],
          },
        ],
      });
    });

    it('by default, lists what slipped since the latest board: nothing since the May board', async () => {
      const { slippedActions } = await query<Answer>(SLIPPED, { planId: story.planId });
      expect(slippedActions).toMatchObject({
        since: END_OF_MAY_BOARD_DAY,
        sinceBoardMeeting: { title: 'May board' },
      });
      expect(slippedActions.actions).toEqual([]);
    });

    it('counts from an instant: only the second reschedule after 1 May', async () => {
      const { slippedActions } = await query<Answer>(SLIPPED, {
        planId: story.planId,
        since: '2024-05-01T00:00:00Z',
      });
      expect(slippedActions.actions).toMatchObject([
        { from: { dueBy: '2024-09' }, to: { dueBy: '2024-10' }, daysSlipped: 31 },
      ]);
    });

    it('refuses both since and sinceBoardMeeting, and an unknown plan', async () => {
      const both = { planId: story.planId, since: '2024-05-01T00:00:00Z', sinceBoardMeeting: story.april.id };
      expectQueryError(await app.graphql(SLIPPED, both), {
        code: 'BAD_USER_INPUT',
        field: 'sinceBoardMeeting',
      });
      const unknown = { planId: '00000000-0000-4000-8000-000000000000' };
      expectQueryError(await app.graphql(SLIPPED, unknown), { code: 'NOT_FOUND', field: 'planId' });
    });
  });

  describe('an action’s slippage', () => {
    type Answer = { action: Record<string, unknown> };

    it('keeps its original dates, counts its reschedules and the days slipped, and is not yet overdue', async () => {
      const { action } = await query<Answer>(ACTION_SLIPPAGE, { id: story.actions['1.1'], on: '2024-11-01' });
      expect(action).toEqual({
        ref: '1.1',
        originalCommencing: '2023-12',
        originalDueBy: '2024-06',
        rescheduleCount: 2,
        daysSlipped: 123,
        overdue: false,
        overdueOn: true,
      });
    });

    it('as it was on 20 April: one reschedule, 92 days', async () => {
      const { action } = await query<Answer>(ACTION_SLIPPAGE, {
        id: story.actions['1.1'],
        asOf: '2024-04-20T00:00:00Z',
        on: '2024-04-20',
      });
      expect(action).toMatchObject({ rescheduleCount: 1, daysSlipped: 92, overdueOn: false });
    });

    it('is nothing for an action never rescheduled', async () => {
      const { action } = await query<Answer>(ACTION_SLIPPAGE, { id: story.actions['1.2'] });
      expect(action).toMatchObject({ originalDueBy: null, rescheduleCount: 0, daysSlipped: 0 });
    });
  });

  it('shows a reason erased since as the redaction notice, and still counts the reschedule', async () => {
    const reasons = `query ($planId: ID!, $since: ID) {
      slippedActions(planId: $planId, sinceBoardMeeting: $since) { actions { reschedules { reason eventId } } }
    }`;
    type Answer = { slippedActions: { actions: { reschedules: { reason: string; eventId: string }[] }[] } };
    const variables = { planId: story.planId, since: story.april.id };
    const [first] = (await query<Answer>(reasons, variables)).slippedActions.actions[0]!.reschedules;
    const redact = `mutation ($input: RedactTextInput!) { redactText(input: $input) { id } }`;
    const input = {
      planId: story.planId,
      eventId: first!.eventId,
      field: 'REASON',
      reason: 'Named a family',
    };
    dataOf(await app.graphql(redact, { input }));
    const after = (await query<Answer>(reasons, variables)).slippedActions.actions[0]!.reschedules;
    expect(after.map(({ reason }) => reason)).toEqual([
      'Redacted on 2024-05-21 by Test Admin: Named a family',
      'Training moved to the autumn',
    ]);
    const { action } = await query<{ action: { rescheduleCount: number } }>(ACTION_SLIPPAGE, {
      id: story.actions['1.1'],
    });
    expect(action.rescheduleCount).toBe(2);
  });
});
