import type { APIRequestContext } from '@playwright/test';
import { FIXTURE_PLAN_TEXT, graphql } from './api.js';
import { ADMIN, type WebUser } from './sign-in.js';

/** An action as the scene and the checks read it through the API. */
export interface ActionState {
  readonly id: string;
  readonly ref: string;
  readonly rag: string;
  readonly version: number;
}

export interface HistoryEntry {
  readonly kind: string;
  readonly from: string | null;
  readonly to: string | null;
  readonly reason: string | null;
  readonly actor: { readonly name: string; readonly via: string } | null;
}

/** The service manager who owns the Lead IRO's actions (3.1, 3.2, 4.1, 4.2, 5.3, 6.3, 7.6 in the fixture). */
export const leadIro = (localAuthority?: string): WebUser => ({
  name: 'Lee Ireland',
  roles: ['EDITOR'],
  owns: ['Lead IRO'],
  ...(localAuthority ? { localAuthority } : {}),
});

/** The Lead IRO's actions in the fixture, in the plan's order. */
export const LEAD_IRO_REFS = ['3.1', '3.2', '4.1', '4.2', '5.3', '6.3', '7.6'];

/**
 * The fixture plan in a local authority of its own, so that a user of that authority sees this plan
 * and no other test's: the plan is created for the authority, then the fixture imported into it.
 */
export async function importFixturePlanFor(
  request: APIRequestContext,
  title: string,
): Promise<{ planId: string; localAuthority: string }> {
  const localAuthority = `${title} council`;
  const { createPlan } = await graphql<{ createPlan: { id: string } }>(
    request,
    'mutation ($input: CreatePlanInput!) { createPlan(input: $input) { id } }',
    { input: { title, localAuthority } },
  );
  await graphql(request, 'mutation ($input: ImportPlanInput!) { importPlan(input: $input) { planId } }', {
    input: {
      planId: createPlan.id,
      fileName: 'iow-2024-ilacs-improvement-plan.txt',
      format: 'TEXT',
      text: FIXTURE_PLAN_TEXT,
    },
  });
  return { planId: createPlan.id, localAuthority };
}

export async function actionsOf(
  request: APIRequestContext,
  planId: string,
  owner?: string,
): Promise<ActionState[]> {
  const { plan } = await graphql<{ plan: { actions: ActionState[] } }>(
    request,
    'query ($id: ID!, $owner: String) { plan(id: $id) { actions(owner: $owner) { id ref rag version } } }',
    { id: planId, owner },
  );
  return plan.actions;
}

export async function actionByRef(request: APIRequestContext, planId: string, ref: string) {
  const action = (await actionsOf(request, planId)).find((candidate) => candidate.ref === ref);
  if (!action) throw new Error(`The fixture plan has no action ${ref}`);
  return action;
}

export async function historyOf(request: APIRequestContext, actionId: string): Promise<HistoryEntry[]> {
  const { actionHistory } = await graphql<{ actionHistory: HistoryEntry[] }>(
    request,
    'query ($id: ID!) { actionHistory(actionId: $id) { kind from to reason actor { name via } } }',
    { id: actionId },
  );
  return actionHistory;
}

/** Another client changes the action's RAG through the API, as a colleague's update would. */
export async function changeRagAs(
  request: APIRequestContext,
  actionId: string,
  rag: string,
  reason: string,
  as: WebUser = ADMIN,
): Promise<void> {
  await graphql(
    request,
    'mutation ($input: ChangeRagStatusInput!) { changeRagStatus(input: $input) { id } }',
    { input: { actionId, rag, reason } },
    as,
  );
}
