import { ACTIONS, dataOf, IOW_PLAN, MUTATIONS, THEMES, type MutationName } from '../../support/plan-api.js';
import type { ChildApp } from './child-app-process.js';

const run = async (app: Pick<ChildApp, 'graphql'>, name: MutationName, input: Record<string, unknown>) =>
  dataOf(await app.graphql<Record<string, { id: string }>>(MUTATIONS[name], { input }))[name]!;

/** The Isle of Wight plan with theme 1 and its actions 1.1, 1.2 and 1.4: the ids of the actions. */
export async function seedPlan(
  app: Pick<ChildApp, 'graphql'>,
): Promise<{ planId: string; actionIds: string[] }> {
  const plan = await run(app, 'createPlan', IOW_PLAN);
  const theme = await run(app, 'addTheme', { planId: plan.id, ...THEMES.caseloads });
  const actionIds: string[] = [];
  for (const action of [ACTIONS['1.1'], ACTIONS['1.2'], ACTIONS['1.4']]) {
    actionIds.push((await run(app, 'addAction', { planId: plan.id, themeId: theme.id, ...action })).id);
  }
  return { planId: plan.id, actionIds };
}

/** What the app answers for each action after a restart: its version and its notes' texts. */
export async function actionsAsAnswered(app: Pick<ChildApp, 'graphql'>, planId: string) {
  const answer = await app.graphql<{
    plan: { actions: { id: string; version: number; progressNotes: { text: string }[] }[] };
  }>('query ($id: ID!) { plan(id: $id) { actions { id version progressNotes { text } } } }', { id: planId });
  return dataOf(answer).plan.actions.map((action) => ({
    id: action.id,
    version: action.version,
    notes: action.progressNotes.map((note) => note.text),
  }));
}
