import { afterAll, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mintLocalToken } from '../../src/auth/tokens/mint-token.js';
import WebSocket from 'ws';
import { IOW_PLAN } from '../support/plan-api.js';
import { postGraphQL, startTestApp, waitUntil } from '../support/test-app.js';

const ROOT = new URL('../../', import.meta.url).pathname;
/** Runs src/main.ts as it is (no build): see test/support/run-typescript/hooks.mjs. */
const RUN_TYPESCRIPT = join(ROOT, 'test/support/run-typescript/register.mjs');
const CREATE_PLAN =
  'mutation CreateShutdownPlan($input: CreatePlanInput!) { createPlan(input: $input) { id } }';
const TITLE = 'Shutdown Borough Improvement Plan 2026';

/** `npm start` as production runs it, in a child process; its log lines as they come. */
function startMain(dataDir: string): { child: ChildProcess; lines: string[] } {
  const { NODE_OPTIONS: _jestOnly, ...env } = process.env;
  const child = spawn(process.execPath, ['--import', RUN_TYPESCRIPT, join(ROOT, 'src/main.ts')], {
    cwd: ROOT,
    env: {
      ...env,
      NODE_ENV: 'production',
      LOG_LEVEL: 'log',
      DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      SHUTDOWN_DEADLINE_SECONDS: '5',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let partial = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    const text = partial + chunk.toString('utf8');
    const complete = text.split('\n');
    partial = complete.pop() ?? '';
    lines.push(...complete);
  });
  child.stderr!.on('data', (chunk: Buffer) => lines.push(chunk.toString('utf8')));
  return { child, lines };
}

/** A graphql-ws subscription to a plan's changes; `closed` is the code the server closed it with. */
async function subscribeToPlan(url: string, authorization: string, planId: string) {
  const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
  const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
  await once(socket, 'open');
  socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization } }));
  await once(socket, 'message');
  const query = 'subscription ($planId: ID!) { planChanged(planId: $planId) { eventId } }';
  socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query, variables: { planId } } }));
  return { closed };
}

const logged = (lines: string[]) => lines.map((line) => JSON.parse(line) as Record<string, unknown>);

describe('graceful shutdown of the running app (SIGTERM)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'plans-shutdown-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('answers the request in flight, ends live subscriptions, exits 0, and the write is there after restart', async () => {
    const { child, lines } = startMain(dataDir);
    const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
    try {
      // Listening comes first; requests are answered once the plan index is built.
      await waitUntil(async () => lines.some((line) => line.includes('Plan index built')), 60_000);
      const url = /GraphQL API on (http:\/\/[^/]+)\/graphql/.exec(lines.join('\n'))![1]!;
      const token = await mintLocalToken(dataDir, { name: 'Ann Admin', roles: ['ADMIN'] });
      const authorization = `Bearer ${token}`;

      const first = await postGraphQL<{ createPlan: { id: string } }>(
        url,
        CREATE_PLAN,
        { input: IOW_PLAN },
        { authorization },
      );
      const live = await subscribeToPlan(url, authorization, first.data!.createPlan.id);
      // Refused while the request runs: the warning carries the request's id.
      await postGraphQL(url, '{ plans { id } }', undefined, {
        authorization: 'Bearer not.a.token',
        'x-request-id': 'refused-token-1',
      });

      // A request whose body is still arriving when the signal comes.
      const body = JSON.stringify({
        query: CREATE_PLAN,
        variables: { input: { ...IOW_PLAN, title: TITLE } },
      });
      const answered = new Promise<{ status: number; text: string }>((resolve, reject) => {
        const sent = request(`${url}/graphql`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            authorization,
            'x-correlation-id': 'shutdown-test-1',
          },
        });
        sent.on('response', (response) => {
          let text = '';
          response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
        });
        sent.on('error', reject);
        sent.write(body.slice(0, 40));
        setTimeout(() => {
          child.kill('SIGTERM');
          void waitUntil(async () => lines.some((line) => line.includes('SIGTERM: finishing')), 5_000).then(
            () => sent.end(body.slice(40)),
            reject,
          );
        }, 200);
      });

      const answer = await answered;
      expect(answer.status).toBe(200);
      const planId = (JSON.parse(answer.text) as { data: { createPlan: { id: string } } }).data.createPlan.id;
      expect(await live.closed).toBe(1001);
      expect(await exited).toEqual([0, null]);

      const entries = logged(lines.filter((line) => line.trim() !== ''));
      expect(entries).toContainEqual(
        expect.objectContaining({
          msg: 'request completed',
          method: 'POST',
          path: '/graphql',
          operation: 'CreateShutdownPlan',
          correlationId: 'shutdown-test-1',
          status: 200,
          requestId: expect.any(String),
          durationMs: expect.any(Number),
        }),
      );
      expect(entries).toContainEqual(
        expect.objectContaining({ level: 'warn', context: 'SignIn', requestId: 'refused-token-1' }),
      );
      const output = lines.join('\n');
      expect(output).not.toContain(token);
      expect(output).not.toContain(TITLE);
      expect(output).not.toMatch(/authorization/i);
      expect(output).not.toContain('\u001b[');

      const restarted = await startTestApp({ dataDir });
      try {
        const plan = await restarted.graphql<{ plan: { title: string } }>(
          'query ($id: ID!) { plan(id: $id) { title } }',
          { id: planId },
        );
        expect(plan.data?.plan.title).toBe(TITLE);
      } finally {
        await restarted.close();
      }
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 60_000);
});
