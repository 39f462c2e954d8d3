/**
 * Search within a large plan (100 actions, 10,000 events whose notes, reasons and descriptions are
 * sentences of a real published plan), through HTTP GraphQL against the real app, compared in the
 * same run with the cheapest plan request and with a naive search in-process: lower-case every
 * text and String.includes every word, per request. Also what the index costs in memory and time.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createApp } from '../src/app.js';
import { mintLocalToken } from '../src/auth/tokens/mint-token.js';
import { SqliteEventStore } from '../src/event-store/sqlite/sqlite-event-store.js';
import { planStream } from '../src/plans/plan-stream.js';
import type { PlanEventApplied } from '../src/plans/read-models/plan-event-applied.js';
import { LoadedPlan } from '../src/plans/read-models/loaded-plan.js';
import { searchQuery } from '../src/search/domain/search-query.js';
import { searchableTexts } from '../src/search/domain/searchable-texts.js';
import { FoldedSearchIndex } from '../src/search/read-models/plan-search-indexes.js';
import { writeLargePlan } from './large-plan.js';
import { measure, report, untilReady } from './measure.js';
import { PLAN_PROSE, PROSE_SENTENCES } from './plan-prose.js';

const ACTIONS = 100;
const EVENTS = 10_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const TARGET_MS = 20;
const QUERIES = {
  'one common word': 'caseloads',
  'two words (AND)': 'supervision audit',
  'start of a word': 'safeguard',
  'case and apostrophe': 'CHILDRENS SERVICES',
  'a rare word': 'chronologies',
};

const gc = (globalThis as { gc?: () => void }).gc;
const heapAfterGc = () => {
  gc?.();
  return process.memoryUsage().heapUsed;
};

const dataDir = mkdtempSync(join(tmpdir(), 'bench-search-'));
const store = SqliteEventStore.open(join(dataDir, 'events.db'));
const { planId } = await writeLargePlan(store, ACTIONS, EVENTS, PLAN_PROSE);

// The plan folded in-process as the projection folds it, to build the index alone and to scan naively.
const loaded = new LoadedPlan(planId, []);
const folded: PlanEventApplied[] = (await store.readStream(planStream(planId))).map((recorded) =>
  loaded.apply(recorded),
);
const texts = folded.flatMap(({ event, context, before, after }) =>
  searchableTexts(event, context, before, after).map(({ text }) => text),
);
const heapBefore = heapAfterGc();
const buildStart = performance.now();
const folding = new FoldedSearchIndex();
folded.forEach((applied) => folding.onPlanEvent(applied));
const buildMs = performance.now() - buildStart;
const indexBytes = heapAfterGc() - heapBefore;
const { index } = folding;

const startedAt = performance.now();
const app = await createApp({ port: 0, host: '127.0.0.1', dataDir, logLevel: 'error' });
await app.listen(0, '127.0.0.1');
await untilReady(await app.getUrl());
const startUpMs = performance.now() - startedAt;
const url = `${await app.getUrl()}/graphql`;
// A VIEWER may search: the bench signs in as one, like any client.
const token = await mintLocalToken(dataDir, { name: 'Bench Viewer', roles: ['VIEWER'] });

async function graphql<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data: T; errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

const SEARCH = `query($id: ID!, $text: String!) { searchPlan(planId: $id, text: $text) {
  totalCount hits { kind eventId actionRef text highlights { start end } recordedAt actor { name } } } }`;
const search = (text: string) =>
  graphql<{ searchPlan: { totalCount: number } }>(SEARCH, { id: planId, text });
const naiveSearch = (text: string) => {
  const words = text.toLowerCase().split(/\s+/);
  return texts.filter((candidate) => words.every((word) => candidate.toLowerCase().includes(word))).length;
};

const idOnly = await measure('plan { id }', RUNS, () =>
  graphql('query($id: ID!) { plan(id: $id) { id } }', { id: planId }),
);
const overHttp = [idOnly];
const inProcess = [];
const found: string[] = [];
for (const [name, text] of Object.entries(QUERIES)) {
  overHttp.push(await measure(`searchPlan: ${name}`, RUNS, () => search(text)));
  const { words } = searchQuery(text);
  inProcess.push(await measure(`naive scan: ${name}`, RUNS, async () => naiveSearch(text)));
  inProcess.push(await measure(`index: ${name}`, RUNS, async () => index.search(words, 20)));
  const { totalCount } = (await search(text)).searchPlan;
  found.push(`"${text}" ${totalCount} (naive scan ${naiveSearch(text)})`);
}

const worst = Math.max(...overHttp.slice(1).map((timing) => timing.medianMs));
const { texts: indexed, words } = index.size;
console.log(
  report(
    `Search within a plan of ${ACTIONS} actions and ${EVENTS} events (${RUNS} runs each)`,
    overHttp,
    idOnly,
  ),
);
console.log(
  `\nSlowest searchPlan median ${worst.toFixed(2)} ms: target ≤ ${TARGET_MS} ms ${worst <= TARGET_MS ? 'met' : 'NOT met'}.`,
);
console.log(`Texts found: ${found.join('; ')}.\n`);
console.log(report('The same searches in-process, without HTTP', inProcess, inProcess[0]!));
console.log(
  `\nIndex of ${indexed} texts (${words} distinct words, from ${PROSE_SENTENCES} sentences): built in ` +
    `${buildMs.toFixed(0)} ms; ` +
    (gc
      ? `${(indexBytes / 1024 / 1024).toFixed(1)} MB of heap, ${Math.round(indexBytes / EVENTS)} bytes per event ` +
        '(the texts themselves are shared with the other read models)'
      : 'run node with --expose-gc to measure its memory'),
);
console.log(
  `Start-up of the app on this plan (every read model, this index included): ${startUpMs.toFixed(0)} ms.`,
);
await app.close();
await store.close();
rmSync(dataDir, { recursive: true, force: true });
