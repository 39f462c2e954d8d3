import type { FragmentDefinitionNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';
import type { Plan } from '../domain/plan.js';
import type { PlanSummary } from '../read-models/plan-index.js';

/** What the plan index knows of every plan: asking only for these loads no plan. */
const SUMMARY_FIELDS = new Set(['__typename', 'id', 'title', 'localAuthority', 'status', 'createdAt']);

/**
 * The plans a `plans` query lists: straight from the index when it asks only for what the index
 * keeps, else each plan through the door (loaded once, then cached like any other read).
 */
export async function plansListed(
  summaries: readonly PlanSummary[],
  info: GraphQLResolveInfo,
  load: (planId: string) => Promise<Plan>,
): Promise<Plan[]> {
  const wanted = info.fieldNodes.flatMap((node) => fieldsOf(node.selectionSet, info.fragments));
  if (wanted.every((field) => SUMMARY_FIELDS.has(field))) return summaries as unknown as Plan[];
  const plans: Plan[] = [];
  for (const summary of summaries) plans.push(await load(summary.id));
  return plans;
}

function fieldsOf(
  selections: SelectionSetNode | undefined,
  fragments: Readonly<Record<string, FragmentDefinitionNode>>,
): string[] {
  return (selections?.selections ?? []).flatMap((selection) => {
    if (selection.kind === 'Field') return [selection.name.value];
    if (selection.kind === 'InlineFragment') return fieldsOf(selection.selectionSet, fragments);
    const fragment = fragments[selection.name.value];
    return fragment ? fieldsOf(fragment.selectionSet, fragments) : [];
  });
}
