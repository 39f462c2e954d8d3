import { randomUUID } from 'node:crypto';
import type { NewEvent } from '../../event-store/event-store.port.js';
import { decideAll } from '../domain/decide-all.js';
import {
  keyedRequest,
  keyReusedForAnotherChange,
  type KeyedRequest,
  type PriorRequest,
} from '../domain/idempotency.js';
import type { Plan } from '../domain/plan.js';
import { toNewEvents } from '../plan-stream.js';
import type { RecordPlanChange } from './record-plan-change.command.js';

/** A change waiting in a plan's batch; its causation id stays the same across re-decisions. */
export interface PendingChange {
  readonly command: RecordPlanChange;
  readonly causationId: string;
}

/** What a change in a batch came to, once the batch's append (if any) is stored. */
export type ChangeAnswer =
  | { readonly kind: 'recorded' }
  | { readonly kind: 'repeated'; readonly position: bigint }
  | { readonly kind: 'refused'; readonly error: unknown };

export interface BatchDecision {
  /** The events of every recorded change, in the order the changes arrived. */
  readonly events: NewEvent[];
  /** One answer per change decided, in the order given. */
  readonly answers: Map<PendingChange, ChangeAnswer>;
  /** Changes reusing a key another change of the batch uses: decided in the next batch. */
  readonly deferred: PendingChange[];
}

export interface BatchState {
  readonly plan: Plan | undefined;
  readonly now: Date;
  /** Whether a keyed request is already in the plan's stream. */
  readonly priorRequest: (request: KeyedRequest) => PriorRequest;
}

/**
 * Decides a plan's waiting changes one after another, each on the plan as the ones before it
 * left it, exactly as if they had been recorded one at a time; their events are then appended
 * together. A refusal is that change's answer only.
 */
export function decideTogether(pending: readonly PendingChange[], state: BatchState): BatchDecision {
  const events: NewEvent[] = [];
  const answers = new Map<PendingChange, ChangeAnswer>();
  const deferred: PendingChange[] = [];
  const keys = new Set<string>();
  let plan = state.plan;
  for (const change of pending) {
    const { planId, changes, origin } = change.command;
    try {
      const request = keyedRequest(origin, planId, changes);
      // A retry sent while its first is still in the batch must find the first one stored.
      if (request && keys.has(request.requestKey)) {
        deferred.push(change);
        continue;
      }
      if (request) keys.add(request.requestKey);
      const prior = request ? state.priorRequest(request) : { kind: 'none' as const };
      if (prior.kind === 'different') throw keyReusedForAnotherChange();
      if (prior.kind === 'repeat') {
        answers.set(change, { kind: 'repeated', position: prior.first.position });
        continue;
      }
      const now = state.now.toISOString();
      // Transaction time never goes backwards within a plan, even if the clock does.
      const recordedAt = plan && plan.updatedAt > now ? plan.updatedAt : now;
      const decision = decideAll(changes, plan, { recordedAt, actor: origin.actor });
      if (!decision.accepted) throw decision.refusal.error;
      const recording = { correlationId: origin.correlationId, causationId: change.causationId, request };
      for (const { events: decided, context } of decision.decisions) {
        events.push(...toNewEvents(decided, { ...context, ...recording }, randomUUID));
      }
      plan = decision.plan;
      answers.set(change, { kind: 'recorded' });
    } catch (error) {
      answers.set(change, { kind: 'refused', error });
    }
  }
  return { events, answers, deferred };
}
