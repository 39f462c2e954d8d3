/**
 * Time travel and history on a large plan (100 actions, 10,000 events), through HTTP GraphQL
 * against the real app, compared in the same run with two baselines: the current-state query
 * (what every screen does) and a naive replay (read the whole stream and fold it per request).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createApp } from '../src/app.js';
import { mintLocalToken } from '../src/auth/tokens/mint-token.js';
import { SqliteEventStore } from '../src/event-store/sqlite/sqlite-event-store.js';
import { evolve, type Plan } from '../src/plans/domain/plan.js';
import { fromRecorded, planStream } from '../src/plans/plan-stream.js';
import { writeLargePlan } from './large-plan.js';
import { measure, report, untilReady } from './measure.js';

const ACTIONS = 100;
const EVENTS = 10_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 200);

const dataDir = mkdtempSync(join(tmpdir(), 'bench-history-'));
const store = SqliteEventStore.open(join(dataDir, 'events.db'));
const plan = await writeLargePlan(store, ACTIONS, EVENTS);

const startedAt = performance.now();
const app = await createApp({ port: 0, host: '127.0.0.1', dataDir, logLevel: 'error' });
await app.listen(0, '127.0.0.1');
await untilReady(await app.getUrl());
const catchUpMs = performance.now() - startedAt;
const url = `${await app.getUrl()}/graphql`;
// Time travel needs an AUDITOR or ADMIN: the bench signs in as one, like any client.
const token = await mintLocalToken(dataDir, { name: 'Bench Auditor', roles: ['AUDITOR'] });

async function graphql(query: string, variables: Record<string, unknown>): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
}

const span = plan.lastRecordedAt - plan.firstRecordedAt;
// Spread over the plan's life, after its actions were added (the first ~2% of events).
const instant = (run: number) =>
  new Date(plan.firstRecordedAt + (0.05 + (0.95 * ((run * 7919) % 1000)) / 1000) * span).toISOString();
const actionId = (run: number) => plan.actionIds[run % ACTIONS];
const PLAN_FIELDS = 'version ragSummary { red amber green blue notRated } actions { ref rag owners version }';
const planId = plan.planId;

const current = await measure('plan (current)', RUNS, () =>
  graphql(`query($id: ID!) { plan(id: $id) { ${PLAN_FIELDS} } }`, { id: planId }),
);
const naiveReplay = await measure('naive replay in-process', RUNS, async () => {
  let state: Plan | undefined;
  for (const recorded of await store.readStream(planStream(planId))) {
    const { event, context } = fromRecorded(recorded);
    state = evolve(state, event, context);
  }
});
const timings = [
  current,
  naiveReplay,
  await measure('plan(asOf)', RUNS, (run) =>
    graphql(`query($id: ID!, $at: DateTime) { plan(id: $id, asOf: $at) { ${PLAN_FIELDS} } }`, {
      id: planId,
      at: instant(run),
    }),
  ),
  await measure('action(asOf)', RUNS, (run) =>
    graphql('query($id: ID!, $at: DateTime) { action(id: $id, asOf: $at) { rag version } }', {
      id: actionId(run),
      at: instant(run + 500),
    }),
  ),
  await measure('actionHistory', RUNS, (run) =>
    graphql('query($id: ID!) { actionHistory(actionId: $id) { kind from to reason recordedAt } }', {
      id: actionId(run),
    }),
  ),
  await measure('planHistory (AMBER→GREEN, 50)', RUNS, () =>
    graphql(
      'query($id: ID!) { planHistory(planId: $id, first: 50, filter: { ragFrom: AMBER, ragTo: GREEN }) { totalCount edges { node { actionRef } } } }',
      { id: planId },
    ),
  ),
  await measure('planChanges (a week)', RUNS, (run) =>
    graphql(
      'query($id: ID!, $since: DateTime) { planChanges(planId: $id, since: $since) { ragMovements { from to } newProgressNotes { note { id } } } }',
      { id: planId, since: instant(run) },
    ),
  ),
  await measure('ragTrend (daily points, a week)', Math.ceil(RUNS / 4), () =>
    graphql(
      'query($id: ID!, $from: DateTime!, $to: DateTime!) { ragTrend(planId: $id, from: $from, to: $to, interval: DAY) { at green } }',
      {
        id: planId,
        from: new Date(plan.firstRecordedAt).toISOString(),
        to: new Date(plan.lastRecordedAt).toISOString(),
      },
    ),
  ),
  await measure('actionsWithRag (RED on a date)', RUNS, (run) =>
    graphql('query($id: ID!, $on: DateTime!) { actionsWithRag(planId: $id, rag: RED, on: $on) { ref } }', {
      id: planId,
      on: instant(run),
    }),
  ),
];

const memoryMb = process.memoryUsage().heapUsed / 1024 / 1024;
console.log(
  report(
    `History on a plan of ${ACTIONS} actions and ${EVENTS} events (${RUNS} runs each)`,
    timings,
    current,
  ),
);
console.log(
  `\nStart-up (catch-up of ${EVENTS} events into every read model): ${catchUpMs.toFixed(0)} ms; heap after: ${memoryMb.toFixed(0)} MB`,
);
await app.close();
await store.close();
rmSync(dataDir, { recursive: true, force: true });
