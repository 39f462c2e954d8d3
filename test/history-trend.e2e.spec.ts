import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { expectQueryError, HistoryApi, ManualClock } from './support/history-api.js';
import { recordBoardStory } from './support/history-stories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const NONE = { red: 0, amber: 0, green: 0, blue: 0, notRated: 0, total: 0 };

describe('RAG counts over time, for a trend chart (replayed from the events)', () => {
  const clock = new ManualClock('2024-04-01T08:00:00.000Z');
  let app: TestApp;
  let api: HistoryApi;
  let planId: string;

  beforeAll(async () => {
    app = await startTestApp({ clock: clock.clock });
    api = new HistoryApi(app);
    ({ planId } = await recordBoardStory(api, clock));
  });

  afterAll(async () => {
    await app.close();
  });

  it('counts RAG day by day for a trend chart', async () => {
    const trend = await api.ragTrend(planId, '2024-04-14T12:00:00Z', '2024-04-21T12:00:00Z', 'DAY');
    const day = (date: string, counts: Partial<typeof NONE>) => ({
      ...NONE,
      total: 4,
      ...counts,
      at: `${date}T12:00:00.000Z`,
    });
    expect(trend).toEqual([
      day('2024-04-14', { red: 1, amber: 2, green: 1 }),
      day('2024-04-15', { red: 2, amber: 1, green: 1 }),
      day('2024-04-16', { red: 1, amber: 1, green: 2 }),
      day('2024-04-17', { red: 1, amber: 1, green: 2 }),
      day('2024-04-18', { red: 1, amber: 1, green: 2 }),
      day('2024-04-19', { red: 1, amber: 1, green: 2 }),
      day('2024-04-20', { amber: 2, green: 2 }),
      day('2024-04-21', { amber: 2, green: 2 }),
    ]);
  });

  it('counts RAG week by week, from before the plan existed to an end between weeks', async () => {
    const trend = await api.ragTrend(planId, '2024-03-31T12:00:00Z', '2024-05-16T00:00:00Z', 'WEEK');
    const week = (at: string, counts: Partial<typeof NONE>) => ({ ...NONE, total: 4, ...counts, at });
    expect(trend).toEqual([
      { ...NONE, at: '2024-03-31T12:00:00.000Z' },
      week('2024-04-07T12:00:00.000Z', { amber: 2, green: 1, notRated: 1 }),
      week('2024-04-14T12:00:00.000Z', { red: 1, amber: 2, green: 1 }),
      week('2024-04-21T12:00:00.000Z', { amber: 2, green: 2 }),
      week('2024-04-28T12:00:00.000Z', { amber: 1, green: 2, notRated: 1 }),
      week('2024-05-05T12:00:00.000Z', { amber: 1, green: 2, notRated: 1 }),
      week('2024-05-12T12:00:00.000Z', { amber: 1, green: 2, notRated: 1 }),
      week('2024-05-16T00:00:00.000Z', { green: 2, blue: 1, notRated: 1 }),
    ]);
  });

  it('rejects a trend that ends before it starts, has too many points, or is of an unknown plan', async () => {
    const backwards = await api.ragTrendResponse(
      planId,
      '2024-05-01T00:00:00Z',
      '2024-04-01T00:00:00Z',
      'DAY',
    );
    expectQueryError(backwards, { code: 'BAD_USER_INPUT', field: 'to' });
    const tooLong = await api.ragTrendResponse(planId, '2020-01-01T00:00:00Z', '2024-01-01T00:00:00Z', 'DAY');
    expectQueryError(tooLong, { code: 'BAD_USER_INPUT', field: 'interval' });
    const unknown = await api.ragTrendResponse(
      UNKNOWN_ID,
      '2024-04-01T00:00:00Z',
      '2024-05-01T00:00:00Z',
      'WEEK',
    );
    expectQueryError(unknown, { code: 'NOT_FOUND', field: 'planId' });
  });
});
