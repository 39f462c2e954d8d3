import { StoreAccessDeniedError } from '../../event-store/event-store.port.js';
import type { SkippedRecordsReport } from './skipped-records.js';

/** The store delivered a position at or before one already folded: its log was replaced. */
export class PositionsWentBackwards extends Error {
  constructor(position: bigint, folded: bigint) {
    super(
      `The event store went backwards: position ${position} arrived after ${folded} was folded. ` +
        'Was it restored from a backup? The read models refuse to mix two histories: restart the ' +
        'application to rebuild them from the store as it is now',
    );
    this.name = 'PositionsWentBackwards';
  }
}

/** What /health/ready shows: whether the read side is current, and what it passed over. */
export interface ProjectionHealth {
  readonly ready: boolean;
  /** Why the read side stopped, in words safe to show anyone. */
  readonly stopped?: string;
  /** Only once something was passed over. */
  readonly skipped?: SkippedRecordsReport;
}

/** Why the read side stopped, in words safe to show anyone. */
export function stoppedBecause(error: Error): string {
  if (error instanceof StoreAccessDeniedError) return 'the event store refused access to $all';
  if (error instanceof PositionsWentBackwards) return "the event store's positions went backwards";
  return 'the read models stopped: see the log';
}
