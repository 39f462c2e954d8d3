/**
 * The web pages for the 36-action fixture plan, through HTTP against the real app, signed in as a
 * browser is (session cookie). Target: every page ≤ 100 ms at the median. Baseline in the same
 * run: the GraphQL query of the whole plan over HTTP, i.e. the data a page shows without the page.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../src/app.js';
import { mintLocalToken } from '../src/auth/tokens/mint-token.js';
import { measure, report, untilReady } from './measure.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const FIXTURE = new URL('../../test/fixtures/iow-2024-ilacs-improvement-plan.txt', import.meta.url);

const dataDir = mkdtempSync(join(tmpdir(), 'bench-pages-'));
const app = await createApp({ port: 0, host: '127.0.0.1', dataDir, logLevel: 'error' });
await app.listen(0, '127.0.0.1');
await untilReady(await app.getUrl());
const base = await app.getUrl();
let token = await mintLocalToken(dataDir, { name: 'Bench Admin', roles: ['ADMIN'] });

async function graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data: T; errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

const { importPlan } = await graphql<{ importPlan: { planId: string } }>(
  'mutation ($input: ImportPlanInput!) { importPlan(input: $input) { planId } }',
  {
    input: { title: 'Bench plan', fileName: 'plan.txt', format: 'TEXT', text: readFileSync(FIXTURE, 'utf8') },
  },
);
const planId = importPlan.planId;
const { plan } = await graphql<{ plan: { actions: { id: string; owners: string[] }[] } }>(
  'query ($id: ID!) { plan(id: $id) { actions { id owners } } }',
  { id: planId },
);
const actionId = plan.actions[0]!.id;
// An ADMIN who also owns the first action's role, so that "my actions" has actions to show.
token = await mintLocalToken(dataDir, {
  name: 'Bench Admin',
  roles: ['ADMIN'],
  owns: plan.actions[0]!.owners,
});

// Signs in as a browser does: the sign-in page's CSRF token, then the token form.
const signInPage = await fetch(`${base}/sign-in`);
const visitorCookie = signInPage.headers.getSetCookie()[0]!.split(';')[0]!;
const csrf = /name="_csrf" value="([^"]+)"/.exec(await signInPage.text())![1]!;
const signedIn = await fetch(`${base}/sign-in`, {
  method: 'POST',
  redirect: 'manual',
  headers: { cookie: visitorCookie, 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams({ _csrf: csrf, token, returnTo: '/plans' }).toString(),
});
const cookie = signedIn.headers.getSetCookie()[0]!.split(';')[0]!;

async function page(path: string): Promise<void> {
  const response = await fetch(`${base}${path}`, { headers: { cookie } });
  await response.text();
  if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
}

const PLAN_QUERY = `query ($id: ID!) { plan(id: $id) { title status ragSummary { red amber green blue notRated total }
  themes { id number title } actions { id ref description owners commencing dueBy rag overdue version
  progressNotes { text recordedAt } } } }`;
const baseline = await measure('GraphQL: the whole plan', RUNS, () => graphql(PLAN_QUERY, { id: planId }));
const today = new Date().toISOString().slice(0, 10);
const pages = [
  ['plans', '/plans'],
  ['plan overview', `/plans/${planId}`],
  ['plan overview, filtered (Red)', `/plans/${planId}?rag=RED`],
  [
    'plan as at today',
    `/plans/${planId}?asAtDay=${today.slice(8)}&asAtMonth=${today.slice(5, 7)}&asAtYear=${today.slice(0, 4)}`,
  ],
  ['RAG trend', `/plans/${planId}/trend`],
  ['changes since the last board', `/plans/${planId}/changes`],
  ['action page', `/actions/${actionId}`],
  ['my actions', '/my-actions'],
] as const;
const timings = [baseline];
for (const [name, path] of pages) timings.push(await measure(name, RUNS, () => page(path)));

await app.close();
rmSync(dataDir, { recursive: true, force: true });
process.stdout.write(`${report('Pages for the 36-action fixture plan', timings, baseline)}\n`);
