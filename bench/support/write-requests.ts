/**
 * A plan to write to, made through the API as an ADMIN would, and the bodies of the two writes
 * users make most: RAG changes and progress notes, round-robin over the plan's actions.
 */
type Rag = 'NOT_RATED' | 'RED' | 'AMBER' | 'GREEN';

export interface SeededPlan {
  readonly planId: string;
  readonly actionIds: readonly string[];
  /** Each action's RAG as the server last answered it. */
  readonly rag: Map<string, Rag>;
}

export type WriteMutation = 'changeRagStatus' | 'addProgressNote';

/** Always a change: a RAG equal to the current one would be refused. */
const NEXT_RAG: Record<Rag, Rag> = { NOT_RATED: 'RED', RED: 'AMBER', AMBER: 'GREEN', GREEN: 'RED' };
const REASON = 'Audit of March cases shows assessments completed within timescales in most teams.';
const NOTE =
  'Several new staff have joined the local authority since December 2023. This has led to a ' +
  'reduction in caseloads; work continues to reduce them further.';

const MUTATIONS: Record<WriteMutation, string> = {
  changeRagStatus:
    'mutation($input: ChangeRagStatusInput!) { changeRagStatus(input: $input) { id rag version } }',
  addProgressNote:
    'mutation($input: AddProgressNoteInput!) { addProgressNote(input: $input) { id rag version } }',
};

export async function seedPlan(url: string, adminToken: string, actions: number): Promise<SeededPlan> {
  const call = graphqlAs(url, adminToken);
  const created = await call('mutation($input: CreatePlanInput!) { createPlan(input: $input) { id } }', {
    title: 'Benchmark plan',
    localAuthority: 'Isle of Wight Council',
  });
  const planId = (created.createPlan as { id: string }).id;
  const theme = await call('mutation($input: AddThemeInput!) { addTheme(input: $input) { id } }', {
    planId,
    number: 1,
    title: 'Caseloads and the impact this has on the quality of work and intervention.',
  });
  const themeId = (theme.addTheme as { id: string }).id;
  const actionIds: string[] = [];
  for (let index = 1; index <= actions; index += 1) {
    const added = await call('mutation($input: AddActionInput!) { addAction(input: $input) { id } }', {
      planId,
      themeId,
      ref: `1.${index}`,
      description: 'Ensure children’s assessments are consistently comprehensive and of excellent quality.',
      owners: ['Team Managers'],
    });
    actionIds.push((added.addAction as { id: string }).id);
  }
  return { planId, actionIds, rag: new Map(actionIds.map((id) => [id, 'NOT_RATED'])) };
}

/**
 * Request bodies for `mutation`: connection c writes only the actions at c, c + connections, ...
 * one request at a time, so each RAG change is decided against the answer to its previous one.
 */
export function writeBodies(plan: SeededPlan, mutation: WriteMutation, connections: number) {
  const actionsOf = (connection: number) =>
    plan.actionIds.filter((_, index) => index % connections === connection);
  const owned = Array.from({ length: connections }, (_, connection) => actionsOf(connection));
  return {
    body: (connection: number, sequence: number): string => {
      const mine = owned[connection]!;
      const actionId = mine[sequence % mine.length]!;
      const input =
        mutation === 'changeRagStatus'
          ? { actionId, rag: NEXT_RAG[plan.rag.get(actionId)!], reason: REASON }
          : { actionId, text: `${NOTE} (update ${sequence})` };
      return JSON.stringify({ query: MUTATIONS[mutation], variables: { input } });
    },
    onData: (data: Record<string, unknown>): void => {
      const action = data[mutation] as { id: string; rag: Rag };
      plan.rag.set(action.id, action.rag);
    },
  };
}

function graphqlAs(url: string, token: string) {
  return async (query: string, input: Record<string, unknown>): Promise<Record<string, unknown>> => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables: { input } }),
    });
    const answer = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown };
    if (answer.errors || !answer.data) {
      throw new Error(`Seeding the plan failed (HTTP ${response.status}): ${JSON.stringify(answer.errors)}`);
    }
    return answer.data;
  };
}
