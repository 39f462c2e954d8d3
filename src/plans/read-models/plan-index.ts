import type { RecordedEvent } from '../../event-store/event-store.port.js';
import type { PlanStatus } from '../domain/plan.js';

/**
 * The only read model that spans plans: what the list of plans shows and which plan holds an
 * action. Fed by four event types only, so it is built at start without reading any plan in full.
 */
export const INDEX_EVENT_TYPES = ['PlanCreated', 'PlanApproved', 'PlanClosed', 'ActionAdded'] as const;

export interface PlanSummary {
  readonly id: string;
  readonly title: string;
  readonly localAuthority: string | null;
  readonly status: PlanStatus;
  readonly createdAt: string;
}

const INDEXED = new Set<string>(INDEX_EVENT_TYPES);

export class PlanIndex {
  private readonly plans = new Map<string, PlanSummary>();
  private readonly planOfAction = new Map<string, string>();
  private newestFirst: PlanSummary[] | undefined;

  /** Folds an event in if it is one the index keeps; any other event is passed over. */
  apply({ type, data, metadata }: Pick<RecordedEvent, 'type' | 'data' | 'metadata'>): void {
    if (!INDEXED.has(type)) return;
    const planId = String(data['planId']);
    if (type === 'ActionAdded') {
      this.planOfAction.set(String(data['actionId']), planId);
      return;
    }
    if (type === 'PlanCreated') {
      if (this.plans.has(planId)) return;
      this.set({
        id: planId,
        title: String(data['title']),
        localAuthority: typeof data['localAuthority'] === 'string' ? data['localAuthority'] : null,
        status: 'DRAFT',
        createdAt: metadata.recordedAt,
      });
      return;
    }
    const known = this.plans.get(planId);
    if (known) this.set({ ...known, status: type === 'PlanApproved' ? 'APPROVED' : 'CLOSED' });
  }

  summary(planId: string): PlanSummary | undefined {
    return this.plans.get(planId);
  }

  /** Every plan, newest first. */
  summaries(): readonly PlanSummary[] {
    return (this.newestFirst ??= [...this.plans.values()].sort((a, b) =>
      b.createdAt.localeCompare(a.createdAt),
    ));
  }

  planIdOfAction(actionId: string): string | undefined {
    return this.planOfAction.get(actionId);
  }

  get size(): { readonly plans: number; readonly actions: number } {
    return { plans: this.plans.size, actions: this.planOfAction.size };
  }

  /** Forgets everything: before building again from the start. */
  clear(): void {
    this.plans.clear();
    this.planOfAction.clear();
    this.newestFirst = undefined;
  }

  private set(summary: PlanSummary): void {
    this.plans.set(summary.id, summary);
    this.newestFirst = undefined;
  }
}
