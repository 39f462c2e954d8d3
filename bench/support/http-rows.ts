import { setTimeout as sleep } from 'node:timers/promises';
import type { BenchRow } from './bench-results.js';
import { ratioOf } from './bench-results.js';
import { runLoad, type LoadResult } from './load.js';
import { writeBodies, type SeededPlan, type WriteMutation } from './write-requests.js';

export const WRITES: readonly WriteMutation[] = ['changeRagStatus', 'addProgressNote'];
const TYPENAME = JSON.stringify({ query: '{ __typename }' });
const WARM_UP_SECONDS = 3;

/** `{ __typename }` on `connections` connections: what the server's request path costs alone. */
export async function typenameLoad(url: string, token: string, connections: number, seconds: number) {
  const load = { url, connections, headers: bearer(token), body: () => TYPENAME };
  // A warm-up first: the app's first seconds under load ran at a third of its later rate.
  await runLoad({ ...load, seconds: WARM_UP_SECONDS });
  return runLoad({ ...load, seconds });
}

/**
 * `mutation` on `connections` connections, round-robin over the plan's actions, after asking the
 * server for every action's RAG (a run's last answers may have been cut off by its end).
 */
export async function writeLoad(
  url: string,
  token: string,
  plan: SeededPlan,
  mutation: WriteMutation,
  connections: number,
  seconds: number,
): Promise<LoadResult> {
  await sleep(500);
  await refreshRag(url, token, plan);
  const { body, onData } = writeBodies(plan, mutation, connections);
  return runLoad({ url, connections, seconds, headers: bearer(token), body, onData });
}

/** Socket errors, non-2xx answers and GraphQL errors: every request must have been a clean 200. */
export const failures = (load: LoadResult) => load.errors + load.non2xx + load.graphqlErrors;

export function loadDetails(load: LoadResult): Record<string, number | string> {
  return {
    requests: load.requests,
    'req/s': Math.round(load.requestsPerSecond),
    p50Ms: Number(load.p50Ms.toFixed(2)),
    p99Ms: Number(load.p99Ms.toFixed(2)),
    errors: load.errors,
    non2xx: load.non2xx,
    graphqlErrors: load.graphqlErrors,
    ...(load.firstError ? { firstError: load.firstError } : {}),
  };
}

export function typenameRow(app: LoadResult, bare: LoadResult): BenchRow {
  const ratio = ratioOf(app.requestsPerSecond, bare.requestsPerSecond);
  return {
    name: '{ __typename }, 16 connections',
    what: 'the app (signed in) answering { __typename } over HTTP, autocannon, 16 connections',
    baseline: 'bare Nest + Apollo + Fastify app',
    value: app.requestsPerSecond,
    baselineValue: bare.requestsPerSecond,
    unit: 'req/s',
    ratio,
    target: '≥ 0.7×',
    met: ratio !== null && ratio >= 0.7 && failures(app) === 0,
    details: { ...loadDetails(app), bareP50Ms: Number(bare.p50Ms.toFixed(2)) },
  };
}

export function writeRow(mutation: WriteMutation, load: LoadResult, typename: LoadResult): BenchRow {
  const ratio = ratioOf(load.requestsPerSecond, typename.requestsPerSecond);
  const met =
    ratio !== null &&
    ratio >= 0.5 &&
    load.requestsPerSecond >= 3000 &&
    load.p99Ms <= 25 &&
    failures(load) === 0;
  return {
    name: `${mutation}, 16 connections`,
    what: `${mutation} over HTTP, durable, 16 connections round-robin over the plan's actions`,
    baseline: "the same server's { __typename }",
    value: load.requestsPerSecond,
    baselineValue: typename.requestsPerSecond,
    unit: 'writes/s',
    ratio,
    target: '≥ 0.5×, ≥ 3,000 writes/s, p99 ≤ 25 ms',
    met,
    details: loadDetails(load),
  };
}

export function singleConnectionRow(mutation: WriteMutation, load: LoadResult): BenchRow {
  return {
    name: `${mutation}, 1 connection`,
    what: `${mutation} over HTTP, durable, one connection: the latency of one write alone`,
    baseline: '—',
    value: load.p50Ms,
    baselineValue: null,
    unit: 'ms p50',
    ratio: null,
    target: 'p50 ≤ 1 ms',
    met: load.p50Ms <= 1 && failures(load) === 0,
    details: loadDetails(load),
  };
}

async function refreshRag(url: string, token: string, plan: SeededPlan): Promise<void> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...bearer(token) },
    body: JSON.stringify({
      query: 'query($id: ID!) { plan(id: $id) { actions { id rag } } }',
      variables: { id: plan.planId },
    }),
  });
  const answer = (await response.json()) as {
    data?: { plan: { actions: { id: string; rag: 'NOT_RATED' | 'RED' | 'AMBER' | 'GREEN' }[] } };
  };
  if (!answer.data) throw new Error(`Reading the plan failed: ${JSON.stringify(answer)}`);
  for (const action of answer.data.plan.actions) plan.rag.set(action.id, action.rag);
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
