import {
  WrongExpectedRevisionError,
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
} from '../event-store/event-store.port.js';
import { DelegatingEventStore } from '../event-store/delegating-event-store.js';
import type { OperationsMetrics } from './operations-metrics.js';

/** Conflicted changes remembered to recognise their retry; older ones are forgotten first. */
const REMEMBERED_CONFLICTS = 1000;

/**
 * The event-store port, counted: appends by outcome, events stored, and retries. A change that
 * lost a race is decided again and appended with the same causation id (one per request), which is
 * how its retry is recognised here without the command handler knowing about metrics.
 */
export class MeteredEventStore extends DelegatingEventStore {
  private readonly conflicted = new Set<string>();

  constructor(
    store: EventStore,
    private readonly metrics: OperationsMetrics,
  ) {
    super(store);
  }

  override async append(
    stream: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    const causation = events[0]?.metadata.causationId;
    if (causation !== undefined && this.conflicted.delete(causation)) this.metrics.changeRetried();
    try {
      const result = await this.inner.append(stream, events, expected);
      this.metrics.appended(events.length);
      return result;
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) {
        this.metrics.appendFailed();
        throw error;
      }
      this.metrics.appendConflicted();
      if (causation !== undefined) this.remember(causation);
      throw error;
    }
  }

  private remember(causation: string): void {
    this.conflicted.add(causation);
    if (this.conflicted.size > REMEMBERED_CONFLICTS) {
      this.conflicted.delete(this.conflicted.values().next().value!);
    }
  }
}
