import type { RecordedEvent } from '../../event-store/event-store.port.js';
import { evolve, type Action, type Plan } from '../domain/plan.js';
import { fromRecorded, recordedRequestOf } from '../plan-stream.js';
import type { PlanEventApplied } from './plan-event-applied.js';
import { RecordedRequests } from './recorded-requests.js';

/**
 * Current state of every plan, folded with the domain's own `evolve`, plus the indexes the
 * API needs to find an action by id and a resent request by its key. Rebuilt from zero at every start.
 */
export class PlanReadModel {
  private readonly plans = new Map<string, Plan>();
  private readonly planOfAction = new Map<string, string>();
  readonly requests = new RecordedRequests();

  /** Folds one stored event in; what it returns is handed on to the other plan read models. */
  apply(recorded: RecordedEvent): PlanEventApplied {
    const { event, context } = fromRecorded(recorded);
    const planId = event.data.planId;
    const before = this.plans.get(planId);
    const after = evolve(before, event, context);
    this.plans.set(planId, after);
    if (event.type === 'ActionAdded') this.planOfAction.set(event.data.actionId, planId);
    const request = recordedRequestOf(recorded);
    if (request) this.requests.record(request);
    return { recorded, event, context, before, after };
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
}
