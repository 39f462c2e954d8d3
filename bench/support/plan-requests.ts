import type { GeneratedPlan } from '../read-side-store.js';

/** The three read requests the targets name, on one plan of the generated store. */
export type PlanRequest = 'plan' | 'plan(asOf)' | 'actionHistory';
export const PLAN_REQUESTS: readonly PlanRequest[] = ['plan', 'plan(asOf)', 'actionHistory'];

const PLAN_FIELDS = 'version ragSummary { red amber green blue notRated } actions { ref rag owners version }';
const QUERIES: Record<PlanRequest, string> = {
  plan: `query($id: ID!) { plan(id: $id) { ${PLAN_FIELDS} } }`,
  'plan(asOf)': `query($id: ID!, $at: DateTime) { plan(id: $id, asOf: $at) { ${PLAN_FIELDS} } }`,
  actionHistory: 'query($id: ID!) { actionHistory(actionId: $id) { kind from to reason recordedAt } }',
};

/** Signed-in GraphQL over HTTP, failing loudly on any error in the answer. */
export function planRequests(url: string, token: string) {
  const graphql = async (query: string, variables: Record<string, unknown>): Promise<void> => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { errors?: unknown; data?: unknown };
    if (body.errors || !body.data) throw new Error(`HTTP ${response.status}: ${JSON.stringify(body.errors)}`);
  };
  /** `run` varies the instant and the action, deterministically. */
  return (request: PlanRequest, plan: GeneratedPlan, run: number): Promise<void> => {
    if (request === 'actionHistory') {
      return graphql(QUERIES[request], { id: plan.actionIds[run % plan.actionIds.length] });
    }
    if (request === 'plan') return graphql(QUERIES[request], { id: plan.planId });
    return graphql(QUERIES[request], { id: plan.planId, at: instantIn(plan, run) });
  };
}

/** An instant spread over the plan's life after its opening events (a deterministic spread). */
export function instantIn(plan: GeneratedPlan, run: number): string {
  const first = Date.parse(plan.firstRecordedAt);
  const span = Date.parse(plan.lastRecordedAt) - first;
  return new Date(first + (0.05 + (0.95 * ((run * 7919) % 1000)) / 1000) * span).toISOString();
}
