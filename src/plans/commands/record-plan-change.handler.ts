import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Optional } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { jitteredDelay } from '../../event-store/backoff.js';
import {
  EVENT_STORE,
  WrongExpectedRevisionError,
  type EventStore,
  type RecordedEvent,
} from '../../event-store/event-store.port.js';
import { OperationsMetrics } from '../../observability/operations-metrics.js';
import { CLOCK, type Clock } from '../../shared/clock.js';
import { BatchesPerKey, type Queued } from '../../shared/batches-per-key.js';
import { conflict } from '../domain/errors.js';
import { evolve, type Plan } from '../domain/plan.js';
import { fromRecorded, planStream } from '../plan-stream.js';
import type { LoadedPlan } from '../read-models/loaded-plan.js';
import { PlanProjection } from '../read-models/plan-projection.js';
import { PlanReads } from '../read-models/plan-reads.js';
import { decideTogether, type ChangeAnswer, type PendingChange } from './decide-together.js';
import { PriorRequests } from './prior-requests.js';
import { RecordPlanChange, type PlanChangeRecorded } from './record-plan-change.command.js';

/**
 * Without expectedVersion a change that lost to another instance's is simply re-decided on the
 * newer state, up to this many times, after a jittered pause: writers that lost together must not
 * all come back together (on a store with network round trips, 30 concurrent notes on one plan
 * otherwise lost 18 times in 30).
 */
const MAX_ATTEMPTS = 12;
const REDECIDE_BACKOFF = { initialDelayMs: 5, maxDelayMs: 200 };

type Waiting = Queued<PendingChange, PlanChangeRecorded>;

/** At most this many changes to one plan are decided and appended together. */
const MAX_BATCH = 64;

@CommandHandler(RecordPlanChange)
export class RecordPlanChangeHandler implements ICommandHandler<RecordPlanChange> {
  /**
   * One batch per plan at a time in this process: writers here never race each other, so a
   * conflict (and its re-decide) only comes from another instance writing the same plan. Changes
   * that arrive while a plan's batch is being stored are decided together and appended in one go,
   * so a busy plan costs one append (and one fsync) per batch rather than per change.
   */
  private readonly batches = new BatchesPerKey<PendingChange, PlanChangeRecorded>(
    (planId, batch) => this.recordBatch(planId, batch),
    MAX_BATCH,
  );

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly projection: PlanProjection,
    private readonly reads: PlanReads,
    private readonly priorRequests: PriorRequests,
    @Inject(CLOCK) private readonly clock: Clock,
    // Counts answers given from an earlier request; absent in the command-line tools.
    @Optional() private readonly metrics?: OperationsMetrics,
  ) {}

  async execute(command: RecordPlanChange): Promise<PlanChangeRecorded> {
    if (command.changes.length === 0) throw new Error('RecordPlanChange needs at least one change');
    return this.batches.run(command.planId, { command, causationId: randomUUID() });
  }

  private async recordBatch(planId: string, batch: readonly Waiting[]): Promise<Waiting[]> {
    const byChange = new Map(batch.map((waiting) => [waiting.value, waiting]));
    for (let attempt = 1; ; attempt += 1) {
      const { loaded, plan, position, unfolded } = await this.load(planId);
      const decided = decideTogether([...byChange.keys()], {
        plan,
        now: this.clock(),
        priorRequest: (request) => this.priorRequests.among(loaded, unfolded, request, this.clock()),
      });
      let stored = position;
      try {
        if (decided.events.length > 0) {
          // A repeat racing the first (another instance, or a client not waiting) loses here and,
          // on the next attempt, finds the first one's events.
          const expected = plan ? plan.version - 1 : 'no_stream';
          stored = (await this.store.append(planStream(planId), decided.events, expected)).position;
        }
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
        if (attempt === MAX_ATTEMPTS) {
          throw conflict(
            undefined,
            'The plan is being changed by many people at once: try again in a moment',
          );
        }
        await sleep(jitteredDelay(REDECIDE_BACKOFF, attempt));
        continue;
      }
      await this.answer(planId, decided.answers, byChange, stored);
      return decided.deferred.map((change) => byChange.get(change)!);
    }
  }

  /**
   * Answers once this instance has folded what was stored, so the client reading next sees its
   * change, or, after a refusal, what it conflicted with (another process may have written it).
   */
  private async answer(
    planId: string,
    answers: ReadonlyMap<PendingChange, ChangeAnswer>,
    byChange: ReadonlyMap<PendingChange, Waiting>,
    stored: bigint | undefined,
  ): Promise<void> {
    const positions = [...answers.values()].map((answer) =>
      answer.kind === 'repeated' ? answer.position : 0n,
    );
    const upTo = [stored ?? 0n, ...positions].reduce((max, next) => (next > max ? next : max));
    if (upTo > 0n) await this.projection.waitFor(upTo);
    for (const [change, answer] of answers) {
      const waiting = byChange.get(change)!;
      if (answer.kind === 'refused') waiting.reject(answer.error);
      else if (answer.kind === 'repeated') {
        this.metrics?.idempotentRepeat();
        waiting.resolve({ planId, position: answer.position, repeated: true });
      } else waiting.resolve({ planId, position: stored!, repeated: false });
    }
  }

  /** The plan through the read door, brought up to the end of its stream (others may be ahead). */
  private async load(planId: string): Promise<{
    loaded: LoadedPlan | undefined;
    plan: Plan | undefined;
    position?: bigint;
    unfolded: RecordedEvent[];
  }> {
    const loaded = await this.reads.findKnown(planId);
    let plan = loaded?.plan;
    const unfolded = await this.store.readStream(planStream(planId), { fromRevision: loaded?.version ?? 0 });
    for (const recorded of unfolded) {
      const { event, context } = fromRecorded(recorded);
      plan = evolve(plan, event, context);
    }
    return { loaded, plan, position: unfolded.at(-1)?.position, unfolded };
  }
}
