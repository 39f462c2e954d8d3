import type { RecordedEvent } from '../../event-store/event-store.port.js';
import { evolve, type Action, type Plan, type Theme } from '../domain/plan.js';
import { fromRecorded } from '../plan-stream.js';

/**
 * Current state of every plan, folded with the domain's own `evolve`, plus the indexes the
 * API needs to find an action or theme by id. Rebuilt from zero at every start.
 */
export class PlanReadModel {
  private readonly plans = new Map<string, Plan>();
  private readonly planOfAction = new Map<string, string>();
  private readonly planOfTheme = new Map<string, string>();

  apply(recorded: RecordedEvent): void {
    const { event, context } = fromRecorded(recorded);
    const planId = event.data.planId;
    const plan = evolve(this.plans.get(planId), event, context);
    this.plans.set(planId, plan);
    if (event.type === 'ActionAdded') this.planOfAction.set(event.data.actionId, planId);
    if (event.type === 'ThemeAdded') this.planOfTheme.set(event.data.themeId, planId);
  }

  plan(planId: string): Plan | undefined {
    return this.plans.get(planId);
  }

  /** Plans, newest first. */
  allPlans(): Plan[] {
    return [...this.plans.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  planIdOfAction(actionId: string): string | undefined {
    return this.planOfAction.get(actionId);
  }

  action(actionId: string): Action | undefined {
    const planId = this.planOfAction.get(actionId);
    return planId === undefined ? undefined : this.plans.get(planId)?.actions.get(actionId);
  }

  theme(themeId: string): { plan: Plan; theme: Theme } | undefined {
    const plan = this.plans.get(this.planOfTheme.get(themeId) ?? '');
    const theme = plan?.themes.find((candidate) => candidate.id === themeId);
    return plan && theme ? { plan, theme } : undefined;
  }
}
