import { expect } from '@jest/globals';
import { HistoryApi, ManualClock, type BoardMeetingView } from './history-api.js';
import { recordBoardStory } from './history-stories.js';
import { rowsOf } from './html-text.js';
import { startTestApp, type TestApp } from './test-app.js';

/* The board pack over HTTP, for the end-to-end tests: an app holding the board story, and GETs. */

export interface BoardPackResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly body: Buffer;
  readonly text: string;
}

export interface BoardStoryApp {
  readonly app: TestApp;
  readonly planId: string;
  readonly april: BoardMeetingView;
  readonly may: BoardMeetingView;
  get(path: string): Promise<BoardPackResponse>;
  /** The HTML board pack of the story's plan, which must answer 200. */
  page(query?: string): Promise<string>;
}

/** An app with recordBoardStory recorded (April and May boards); the clock is left at 21 May 2024. */
export async function startBoardStoryApp(): Promise<BoardStoryApp> {
  const clock = new ManualClock('2024-04-01T08:00:00.000Z');
  const app = await startTestApp({ clock: clock.clock });
  const { planId, meetings } = await recordBoardStory(new HistoryApi(app), clock);
  const get = async (path: string): Promise<BoardPackResponse> => {
    const response = await fetch(`${app.url}${path}`, { headers: await app.adminHeaders() });
    const body = Buffer.from(await response.arrayBuffer());
    return { status: response.status, headers: response.headers, body, text: body.toString('utf8') };
  };
  return {
    app,
    planId,
    ...meetings,
    get,
    async page(query = '') {
      const response = await get(`/plans/${planId}/board-pack${query}`);
      expect(response.status).toBe(200);
      return response.text;
    },
  };
}

/** The first cell (the ref) of each body row of a table fragment. */
export const firstCells = (markup: string): string[] =>
  rowsOf(markup)
    .filter((row) => !row.startsWith('Ref'))
    .map((row) => row.split(' | ')[0]!);
