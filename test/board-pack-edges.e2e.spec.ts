import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplicationContext } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { parseBoardPackArguments, produceBoardPack } from '../src/cli/board-pack-command.js';
import { createCliContext } from '../src/cli/cli-context.js';
import { loadConfig } from '../src/config.js';
import { firstCells, startBoardStoryApp, type BoardStoryApp } from './support/board-pack-api.js';
import { sectionOf } from './support/html-text.js';
import { readPdf } from './support/pdf-text.js';
import { IOW_PLAN } from './support/plan-api.js';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

/* The board pack's refusals over HTTP, and the same pack from the command line on the same store. */

describe('board pack: errors and the command line', () => {
  let story: BoardStoryApp;
  const get = (path: string) => story.get(path);

  beforeAll(async () => {
    story = await startBoardStoryApp();
  });

  afterAll(async () => {
    await story.app.close();
  });

  describe('refuses what it cannot answer, as JSON', () => {
    it.each([
      [
        'an unknown plan',
        `/plans/${UNKNOWN_ID}/board-pack`,
        404,
        'planId',
        'No improvement plan has that id',
      ],
      [
        'an unknown plan, as PDF',
        `/plans/${UNKNOWN_ID}/board-pack.pdf`,
        404,
        'planId',
        'No improvement plan has that id',
      ],
    ])('%s: %s', async (_, path, status, field, message) => {
      const response = await get(path);
      expect(response.status).toBe(status);
      expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(JSON.parse(response.text)).toEqual({ statusCode: status, code: 'NOT_FOUND', message, field });
    });

    it.each([
      ['a bad asOf', '?asOf=yesterday', 400, 'asOf'],
      ['a bad asOf, as PDF', '.pdf?asOf=2024-02-30T10:00:00Z', 400, 'asOf'],
      ['both asOf and boardMeeting', '?asOf=2024-05-14&boardMeeting=x', 400, 'boardMeeting'],
      ['a bad number of days', '?staleAfterDays=0', 400, 'staleAfterDays'],
      ['an unknown board meeting', `?boardMeeting=${UNKNOWN_ID}`, 404, 'boardMeeting'],
      ['a day before the plan existed', '?asOf=2024-03-01', 404, 'asOf'],
      ['an asOf in the future, rather than now', '?asOf=2030-01-01T00:00:00Z', 400, 'asOf'],
      ['a day after today', '?asOf=2024-05-22', 400, 'asOf'],
    ])('%s', async (_, query, status, field) => {
      const response = await get(`/plans/${story.planId}/board-pack${query}`);
      expect(response.status).toBe(status);
      const body = JSON.parse(response.text) as Record<string, unknown>;
      expect(body).toMatchObject({ statusCode: status, field });
      expect(body.message).toEqual(expect.any(String));
      expect(response.text).not.toMatch(/\.[jt]s:\d+/);
    });
  });

  describe('from the command line', () => {
    let context: INestApplicationContext;
    beforeAll(async () => {
      context = await createCliContext(loadConfig({ DATA_DIR: story.app.dataDir, LOG_LEVEL: 'error' }));
    });
    afterAll(async () => {
      await context.close();
    });

    const produce = async (...argv: string[]) => {
      const parsed = parseBoardPackArguments(argv);
      if (parsed.kind !== 'board-pack') throw new Error(`Bad arguments: ${JSON.stringify(parsed)}`);
      return produceBoardPack(context.get(QueryBus), parsed.options);
    };

    it('writes the pack for a board as a PDF from the same store', async () => {
      const document = await produce('--plan', story.planId, '--board', story.may.id, '--format', 'pdf');
      expect(document.contentType).toBe('application/pdf');
      expect(document.fileName).toMatch(/^board-pack-isle-of-wight-.*-2024-05-14\.pdf$/);
      const pdf = await readPdf(document.body as Buffer);
      expect(pdf.text).toContain(IOW_PLAN.title);
      expect(pdf.text).toContain('Stale actions: no progress note in the last 42 days');
    });

    it('writes the page as at a day, with the stale threshold asked for', async () => {
      const document = await produce(
        '--plan',
        story.planId,
        '--as-of',
        '2024-05-14',
        '--stale-after-days',
        '20',
      );
      expect(document.contentType).toBe('text/html; charset=utf-8');
      expect(firstCells(sectionOf(document.body as string, 'stale'))).toEqual(['1.5', '1.2', '2.1', '1.1']);
    });
  });
});
