import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { MAX_IMPORT_ROWS } from '../../src/import/import-limits.js';
import { InProcess } from '../../src/shared/off-loop/in-process.js';
import { useOffLoop } from '../../src/shared/off-loop/off-loop.js';
import { importPlan, sendImport } from '../support/import-api.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { PLAN_HEADER, planRow, sheetXml, workbook } from '../import/workbook-zip.js';
import { SwitchableRunner } from './off-loop-runner.js';
import { typeScriptWorkerPool, withLimits } from './typescript-worker-pool.js';

/*
 * Uploads are read and board pack PDFs drawn in worker threads, within caps: the server answers
 * meanwhile, a task past its time cap is stopped with a clear answer, and an upload over the size
 * limits is refused before it is read whole. Nothing is recorded for a refused upload.
 */

// One worker: a task can start only once the previous one's thread has exited.
const pool = typeScriptWorkerPool(1);
const runner = new SwitchableRunner(pool);
const restore = useOffLoop(runner);
const SHORT_CAP = { timeMs: 30, heapMb: 512 };
let app: TestApp;
let pdfPath: string;

const csv = (rows: readonly (readonly string[])[]) => rows.map((cells) => cells.join(',')).join('\n');
const smallPlan = csv([PLAN_HEADER, planRow(1), planRow(2)]);

beforeAll(async () => {
  app = await startTestApp();
  runner.runner = new InProcess();
  const { planId } = await importPlan(app, {
    fileName: 'plan.csv',
    format: 'CSV',
    text: smallPlan,
    title: 'Plan',
  });
  pdfPath = `/plans/${planId}/board-pack.pdf`;
});

afterAll(async () => {
  restore();
  await app.close();
});

const getPdf = async () => {
  const response = await fetch(`${app.url}${pdfPath}`, { headers: await app.adminHeaders() });
  return { response, body: Buffer.from(await response.arrayBuffer()) };
};

/** /health/live asked again and again until `until` settles: when each answer came, and how long it took. */
async function healthChecksUntil(until: Promise<unknown>): Promise<{ at: number; ms: number }[]> {
  const answers: { at: number; ms: number }[] = [];
  let done = false;
  void until.finally(() => (done = true));
  while (!done) {
    const asked = performance.now();
    const response = await fetch(`${app.url}/health/live`);
    expect(response.status).toBe(200);
    answers.push({ at: performance.now(), ms: performance.now() - asked });
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return answers;
}

describe('the board pack PDF, drawn in a worker thread', () => {
  it('lets the server answer /health/live while the PDF is being drawn', async () => {
    runner.runner = pool;
    const pdf = getPdf();
    const answers = await healthChecksUntil(pdf);
    const { response, body } = await pdf;
    expect(response.status).toBe(200);
    expect(body.subarray(0, 5).toString()).toBe('%PDF-');
    const drawing = runner.windows.at(-1)!;
    expect(drawing.name).toBe('Drawing the board pack PDF');
    const whileDrawing = answers.filter(({ at }) => at > drawing.started && at < drawing.ended);
    // Drawn on the event loop, it let none through until it had finished (12 s for a large plan).
    expect(whileDrawing.length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...whileDrawing.map(({ ms }) => ms))).toBeLessThan(2000);
  });

  it('stops a PDF that overruns its time cap and answers 503 with a message', async () => {
    runner.runner = withLimits(pool, SHORT_CAP);
    const { response, body } = await getPdf();
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('60');
    expect((JSON.parse(body.toString('utf8')) as { message: string }).message).toBe(
      'Drawing the board pack PDF took longer than 0.03 s and was stopped. Try again later, or open the ' +
        'board pack as a page (without .pdf) and print it.',
    );
    expect(body.toString('utf8')).not.toMatch(/ at |\.ts\b|\.js\b/);
  });
});

describe('an upload, read in a worker thread within limits', () => {
  it('stops reading a file that overruns its time cap: BAD_USER_INPUT on the file, nothing recorded', async () => {
    runner.runner = withLimits(pool, SHORT_CAP);
    const before = app.eventCount();
    const { data, errors } = await sendImport(app, { fileName: 'plan.csv', format: 'CSV', text: smallPlan });
    expect(data).toBeNull();
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text' });
    expect(errors?.[0]?.message).toBe(
      'Reading the file took longer than 0.03 s and was stopped: import the plan itself (a few hundred ' +
        'rows), without other sheets or data',
    );
    expect(app.eventCount()).toBe(before);
  });

  it('refuses a small XLSX of more rows than the limit at once, before loading it', async () => {
    // Still the pool of one worker: the overrunning tasks above had their threads ended.
    runner.runner = pool;
    const rows = Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, index) => [`${index}`]);
    const bomb = workbook(sheetXml([PLAN_HEADER, ...rows]));
    const before = app.eventCount();
    const started = performance.now();
    const { data, errors } = await sendImport(app, {
      fileName: 'plan.xlsx',
      format: 'XLSX',
      base64: bomb.toString('base64'),
    });
    expect(performance.now() - started).toBeLessThan(8000);
    expect(data).toBeNull();
    expect(errors).toEqual([
      expect.objectContaining({
        message: 'The file has more than 20,000 rows, the most an import reads (a plan has hundreds)',
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'base64' }),
      }),
    ]);
    expect(app.eventCount()).toBe(before);
  });

  it('refuses a CSV of more rows than the limit, naming the text field', async () => {
    runner.runner = new InProcess();
    const text = csv([
      PLAN_HEADER,
      ...Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, index) => planRow(index)),
    ]);
    const before = app.eventCount();
    const { errors } = await sendImport(app, { fileName: 'plan.csv', format: 'CSV', text });
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text' });
    expect(errors?.[0]?.message).toMatch(/^The file has more than 20,000 rows/);
    expect(app.eventCount()).toBe(before);
  });
});
