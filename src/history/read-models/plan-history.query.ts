import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { invalid } from '../../plans/domain/errors.js';
import { effectiveDayOf } from '../../plans/domain/point-in-time.js';
import type { RagStatus } from '../../plans/domain/rag.js';
import type { ChangeKind, PlanChange } from '../domain/plan-change.js';
import { ChangeLog } from './change-log.js';

/** In the spirit of Jira's JQL: CHANGED FROM .. TO .. DURING .. BY. */
export interface PlanHistoryFilter {
  readonly from?: Date;
  readonly to?: Date;
  /** Effective days "YYYY-MM-DD", inclusive: the day a change took effect (see effectiveDayOf). */
  readonly effectiveFrom?: string;
  readonly effectiveTo?: string;
  readonly actionId?: string;
  readonly actor?: string;
  readonly kinds?: readonly ChangeKind[];
  readonly ragFrom?: RagStatus;
  readonly ragTo?: RagStatus;
}

export interface PlanHistoryPage {
  readonly changes: PlanChange[];
  readonly totalCount: number;
  readonly hasNextPage: boolean;
}

export const MAX_PAGE_SIZE = 500;

/** Cursors are opaque to clients; inside, the plan and the version of the change. */
export const cursorOf = (change: PlanChange) =>
  Buffer.from(`${change.planId}:${change.version}`).toString('base64url');

function versionOfCursor(cursor: string, planId: string): number {
  const [cursorPlan, version] = Buffer.from(cursor, 'base64url').toString().split(':');
  if (cursorPlan !== planId || !/^\d+$/.test(version ?? '')) {
    throw invalid('after', 'after must be a cursor from an earlier page of this plan’s history');
  }
  return Number(version);
}

export class GetPlanHistory extends Query<PlanHistoryPage> {
  constructor(
    readonly planId: string,
    readonly filter: PlanHistoryFilter,
    readonly first: number,
    readonly after?: string,
  ) {
    super();
  }
}

@QueryHandler(GetPlanHistory)
export class GetPlanHistoryHandler implements IQueryHandler<GetPlanHistory> {
  constructor(private readonly changeLog: ChangeLog) {}

  async execute({ planId, filter, first, after }: GetPlanHistory): Promise<PlanHistoryPage> {
    const changes = await this.changeLog.of(planId);
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
      throw invalid('first', `first must be from 1 to ${MAX_PAGE_SIZE}`);
    }
    const afterVersion = after === undefined ? 0 : versionOfCursor(after, planId);
    if (filter.from && filter.to && filter.from > filter.to) {
      throw invalid('filter.to', 'The period must not end before it starts');
    }
    if (filter.effectiveFrom && filter.effectiveTo && filter.effectiveFrom > filter.effectiveTo) {
      throw invalid('filter.effectiveTo', 'The effective period must not end before it starts');
    }
    const matching = changes.filter(matches(filter));
    const rest = matching.filter((change) => change.version > afterVersion);
    return { changes: rest.slice(0, first), totalCount: matching.length, hasNextPage: rest.length > first };
  }
}

function matches(filter: PlanHistoryFilter): (change: PlanChange) => boolean {
  const from = filter.from?.getTime() ?? -Infinity;
  const to = filter.to?.getTime() ?? Infinity;
  const actor = filter.actor?.trim().toLowerCase();
  const kinds = filter.kinds && filter.kinds.length > 0 ? new Set(filter.kinds) : undefined;
  const ragOnly = filter.ragFrom !== undefined || filter.ragTo !== undefined;
  return (change) => {
    const at = Date.parse(change.recordedAt);
    return (
      at >= from &&
      at <= to &&
      inEffectBetween(change, filter) &&
      (!filter.actionId || change.actionId === filter.actionId) &&
      (!actor || change.actor?.id.toLowerCase() === actor || change.actor?.name.toLowerCase() === actor) &&
      (!kinds || kinds.has(change.kind)) &&
      (!ragOnly || change.ragTo !== null) &&
      (filter.ragFrom === undefined || change.ragFrom === filter.ragFrom) &&
      (filter.ragTo === undefined || change.ragTo === filter.ragTo)
    );
  };
}

/** Whether the change took effect within the filter's effective days (only worked out when asked). */
function inEffectBetween(change: PlanChange, { effectiveFrom, effectiveTo }: PlanHistoryFilter): boolean {
  if (!effectiveFrom && !effectiveTo) return true;
  const day = effectiveDayOf(change);
  return (!effectiveFrom || day >= effectiveFrom) && (!effectiveTo || day <= effectiveTo);
}
