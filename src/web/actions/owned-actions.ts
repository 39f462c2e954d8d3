import { byRef } from '../../reports/domain/action-ref.js';
import type { Answer, PageError } from '../web-graphql.js';
import type { Visit, WebPages } from '../web-pages.js';
import { ACTION_FIELDS, marked, type ActionView, type MarkedAction } from './action-view.js';

export interface PlanRef {
  readonly id: string;
  readonly title: string;
  readonly status: string;
}

/** One of the visitor's actions on My actions: where it is, and what needs attention. */
export interface MyAction extends MarkedAction {
  readonly plan: PlanRef;
}

/**
 * Request limits bound an operation's cost: each (plan, owner role) pair below may hold 200 actions
 * with 24 notes and their authors (about 9,800 of the 100,000 allowed), and each role in the first
 * query 200 ids in each of 50 plans (about 10,000). So pairs and roles go in batches.
 */
const PAIRS_PER_OPERATION = 8;
const ROLES_PER_OPERATION = 8;

const chunks = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, index) =>
    items.slice(index * size, (index + 1) * size),
  );

/** Which plans hold actions of which owned role: the API matches owners (case, punctuation, aliases). */
function plansQuery(roles: number): string {
  const variables = Array.from({ length: roles }, (_, index) => `$o${index}: String!`).join(', ');
  const owned = Array.from({ length: roles }, (_, index) => `o${index}: actions(owner: $o${index}) { id }`);
  return `query MyActionPlans(${variables}) { plans { id ${owned.join(' ')} } }`;
}

function actionsQuery(pairs: number): string {
  const variables = Array.from({ length: pairs }, (_, index) => `$p${index}: ID!, $o${index}: String!`);
  const plans = Array.from(
    { length: pairs },
    (_, index) => `p${index}: plan(id: $p${index}) {
      id title status
      actions(owner: $o${index}) {
        ${ACTION_FIELDS}
        progressNotes { id text recordedAt effectiveDate actor { name } }
      }
    }`,
  );
  return `query MyActions(${variables.join(', ')}) { ${plans.join('\n')} }`;
}

type PlanWithActions = PlanRef & { readonly actions: readonly ActionView[] };
type Asker = <T>(query: string, variables: Record<string, unknown>) => Promise<Answer<T>>;

/** Runs every batch at once; the first refusal answers for all. */
async function askAll<T>(asker: Asker, batches: readonly [string, Record<string, unknown>][]) {
  const answers = await Promise.all(batches.map(([query, variables]) => asker<T>(query, variables)));
  const refused = answers.find((answer) => !answer.ok);
  if (refused && !refused.ok) return { ok: false as const, errors: refused.errors };
  return { ok: true as const, data: answers.flatMap((answer) => (answer.ok ? [answer.data] : [])) };
}

/** The pairs (plan, owned role) that own at least one action, found with ids only. */
async function ownedPairs(asker: Asker, owns: readonly string[]) {
  const roleBatches = chunks(owns, ROLES_PER_OPERATION);
  const answer = await askAll<{ plans: ({ id: string } & Record<string, { id: string }[]>)[] }>(
    asker,
    roleBatches.map((roles) => [
      plansQuery(roles.length),
      Object.fromEntries(roles.map((role, index) => [`o${index}`, role])),
    ]),
  );
  if (!answer.ok) return answer;
  const pairs = answer.data.flatMap(({ plans }, batch) =>
    plans.flatMap((plan) =>
      roleBatches[batch]!.flatMap((role, index) =>
        (plan[`o${index}`]?.length ?? 0) > 0 ? [{ planId: plan.id, role }] : [],
      ),
    ),
  );
  return { ok: true as const, data: pairs };
}

const ATTENTION = (item: MarkedAction) =>
  item.action.overdue && item.stale ? 0 : item.action.overdue ? 1 : item.stale ? 2 : 3;

/** Overdue and stale first (both, then overdue, then stale), then by plan and in the plan's order. */
export const byAttention = (a: MyAction, b: MyAction): number =>
  ATTENTION(a) - ATTENTION(b) || a.plan.title.localeCompare(b.plan.title) || byRef(a.action, b.action);

/**
 * The visitor's own actions across every plan they may see, withdrawn ones left out (the API's
 * default): the roles they own, matched by the API's owner filter; an action two roles own shows once.
 */
export async function findOwnedActions(
  pages: WebPages,
  visit: Visit,
  now: Date,
): Promise<{ ok: true; actions: MyAction[] } | { ok: false; errors: PageError[] }> {
  const asker: Asker = (query, variables) => pages.ask(visit, query, variables);
  const pairs = await ownedPairs(asker, visit.user.owns);
  if (!pairs.ok) return pairs;
  const answer = await askAll<Record<string, PlanWithActions>>(
    asker,
    chunks(pairs.data, PAIRS_PER_OPERATION).map((batch) => [
      actionsQuery(batch.length),
      Object.fromEntries(
        batch.flatMap(({ planId, role }, index) => [
          [`p${index}`, planId],
          [`o${index}`, role],
        ]),
      ),
    ]),
  );
  if (!answer.ok) return answer;
  const found = new Map<string, MyAction>();
  for (const plan of answer.data.flatMap((batch) => Object.values(batch))) {
    const ref: PlanRef = { id: plan.id, title: plan.title, status: plan.status };
    for (const action of plan.actions) found.set(action.id, { plan: ref, ...marked(action, now) });
  }
  return { ok: true, actions: [...found.values()].sort(byAttention) };
}
