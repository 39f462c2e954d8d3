import type { Plan } from '../domain/plan.js';
import type { Theme } from './plan.types.js';

/** A theme with its actions, taken from the same plan state (current or as of an instant). */
export function themeView(plan: Plan, themeId: string): Theme | undefined {
  const theme = plan.themes.find((candidate) => candidate.id === themeId);
  if (!theme) return undefined;
  const actions = [...plan.actions.values()].filter(
    (action) => action.themeId === themeId && !action.withdrawn,
  );
  return { ...theme, planId: plan.id, actions };
}
