import { Command } from '@nestjs/cqrs';
import type { Actor } from '../../auth/domain/actor.js';
import type { PlanCommand } from '../domain/commands.js';
import type { KeyedOrigin } from '../domain/idempotency.js';

/**
 * Where a change came from: the request it belongs to and who asked for it. With an
 * idempotencyKey, a request already recorded under that key is answered, not recorded again.
 */
export interface ChangeOrigin extends KeyedOrigin {
  readonly correlationId: string;
  /** The signed-in user; without one every change is refused (UNAUTHENTICATED). */
  readonly actor?: Actor;
}

export interface PlanChangeRecorded {
  readonly planId: string;
  /**
   * Global position of the last event of the append that recorded the change (changes to the same
   * plan recorded in the same batch may come just before or after it); the read model has caught
   * up to it on return.
   */
  readonly position: bigint;
  /** The request's key was recorded already: nothing was appended, the position is the first one's. */
  readonly repeated: boolean;
}

/**
 * Every change to a plan goes through this one command: load the stream, decide, append.
 * Several changes to one plan (an import) are decided in order and appended together, or not at all.
 * The plan is named by the caller (an action's plan is looked up at the API's edge), so the write
 * side never asks a read model where to write.
 */
export class RecordPlanChange extends Command<PlanChangeRecorded> {
  readonly changes: readonly PlanCommand[];

  constructor(
    readonly planId: string,
    changes: PlanCommand | readonly PlanCommand[],
    readonly origin: ChangeOrigin,
  ) {
    super();
    this.changes = Array.isArray(changes) ? changes : [changes as PlanCommand];
  }
}
