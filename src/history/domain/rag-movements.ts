import type { RecordedActor } from '../../auth/domain/actor.js';
import type { Evidence } from '../../plans/domain/evidence.js';
import type { Action, Plan } from '../../plans/domain/plan.js';
import type { RagStatus } from '../../plans/domain/rag.js';
import type { PlanChange } from './plan-change.js';

export type RagDirection = 'IMPROVED' | 'WORSENED' | 'FIRST_RATED' | 'RATING_REMOVED';

/** Green is better than amber, amber than red; blue (complete) is best. */
const RAG_RANK: Record<RagStatus, number> = { RED: 0, AMBER: 1, GREEN: 2, BLUE: 3, NOT_RATED: -1 };

export function ragDirection(from: RagStatus, to: RagStatus): RagDirection {
  if (from === 'NOT_RATED') return 'FIRST_RATED';
  if (to === 'NOT_RATED') return 'RATING_REMOVED';
  return RAG_RANK[to] > RAG_RANK[from] ? 'IMPROVED' : 'WORSENED';
}

/** One RAG change: a board asks what was red, who said so, when and why. */
export interface RagMovement {
  /** The action as at the end of the period. */
  readonly action: Action;
  readonly from: RagStatus;
  readonly to: RagStatus;
  readonly direction: RagDirection;
  readonly reason: string;
  /** The documents and measures behind it, shown beside the reason. */
  readonly evidence: readonly Evidence[];
  readonly actor: RecordedActor | null;
  readonly recordedAt: string;
  readonly effectiveDate: string | null;
  readonly eventId: string;
}

/** An action's RAG at the start of the period (or when added in it) against its RAG at the end. */
export interface NetRagChange {
  readonly action: Action;
  readonly from: RagStatus;
  readonly to: RagStatus;
  readonly direction: RagDirection;
  /** True when the action was added during the period: `from` is the RAG it was added with. */
  readonly addedInPeriod: boolean;
  /** The movements behind it, in the order recorded. */
  readonly movements: readonly RagMovement[];
}

/** Every RAG change among `changes` (a period's), in the order recorded, actions as in `after`. */
export function ragMovementsIn(after: Plan, changes: readonly PlanChange[]): RagMovement[] {
  return changes.flatMap((change) => {
    const action = change.actionId === null ? undefined : after.actions.get(change.actionId);
    if (change.kind !== 'RAG_CHANGED' || !action || !change.ragFrom || !change.ragTo) return [];
    return [
      {
        action,
        from: change.ragFrom,
        to: change.ragTo,
        direction: ragDirection(change.ragFrom, change.ragTo),
        reason: change.reason ?? '',
        evidence: change.evidence,
        actor: change.actor,
        recordedAt: change.recordedAt,
        effectiveDate: change.effectiveDate,
        eventId: change.eventId,
      },
    ];
  });
}

/**
 * First → last per action, in the plan's order: an action that went AMBER → RED → AMBER has no net
 * change (its two movements still show in the full list), one that went AMBER → RED → GREEN has one.
 */
export function netRagChanges(
  before: Plan | undefined,
  after: Plan,
  movements: readonly RagMovement[],
): NetRagChange[] {
  const byAction = new Map<string, RagMovement[]>();
  for (const movement of movements) {
    const steps = byAction.get(movement.action.id);
    if (steps) steps.push(movement);
    else byAction.set(movement.action.id, [movement]);
  }
  return [...after.actions.values()].flatMap((action) => {
    const steps = byAction.get(action.id) ?? [];
    const [first, last] = [steps[0], steps.at(-1)];
    if (!first || !last || first.from === last.to) return [];
    const { from, to } = { from: first.from, to: last.to };
    const addedInPeriod = !before?.actions.has(action.id);
    return [{ action, from, to, direction: ragDirection(from, to), addedInPeriod, movements: steps }];
  });
}
