import { redactionNotice } from '../../plans/domain/recorded-texts.js';
import { redactionBy } from '../../plans/domain/redaction.js';
import type { PlanEventApplied } from '../../plans/read-models/plan-event-applied.js';
import { planPart, type PlanPartModel } from '../../plans/read-models/plan-part.js';
import { changeTiming, describeChange, type PlanChange } from '../domain/plan-change.js';
import { redactedChanges } from '../domain/redacted-changes.js';

/**
 * The audit history of one plan, described once per event as the plan is folded, and by action.
 * Computed from events only, so it cannot drift from them.
 */
export class PlanChangeLog implements PlanPartModel {
  private changes: PlanChange[] = [];
  /** The same changes by action, for what one action's history tells. */
  private readonly byAction = new Map<string, PlanChange[]>();

  onPlanEvent({ recorded, event, context, before, after }: PlanEventApplied): void {
    const change: PlanChange = {
      ...describeChange(event, before, after),
      ...changeTiming(context),
      planId: after.id,
      eventId: recorded.id,
      position: recorded.position,
      version: after.version,
      correlationId: recorded.metadata.correlationId ?? null,
    };
    if (event.type === 'TextRedacted') {
      this.changes = redactedChanges(this.changes, event.data, redactionNotice(redactionBy(event, context)));
    }
    this.changes.push(change);
    if (event.type === 'TextRedacted') this.indexByAction();
    else if (change.actionId !== null) this.changesOfAction(change.actionId).push(change);
  }

  /** Every change of the plan, oldest first. */
  all(): readonly PlanChange[] {
    return this.changes;
  }

  /** The change folded last: what the live tail publishes. */
  latest(): PlanChange | undefined {
    return this.changes.at(-1);
  }

  /** Every change of the action, oldest first; empty for an action not in the plan. */
  ofAction(actionId: string): readonly PlanChange[] {
    return this.byAction.get(actionId) ?? [];
  }

  /** A redaction rewrites earlier changes of the plan: its actions' lists are taken again. */
  private indexByAction(): void {
    this.byAction.clear();
    for (const change of this.changes) {
      if (change.actionId !== null) this.changesOfAction(change.actionId).push(change);
    }
  }

  private changesOfAction(actionId: string): PlanChange[] {
    let changes = this.byAction.get(actionId);
    if (!changes) this.byAction.set(actionId, (changes = []));
    return changes;
  }
}

export const CHANGE_LOG = planPart('change log', () => new PlanChangeLog());
