import {
  WrongExpectedRevisionError,
  type AllSubscription,
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeToAllOptions,
} from '../event-store/event-store.port.js';
import type { OperationsMetrics } from './operations-metrics.js';

/** Conflicted changes remembered to recognise their retry; older ones are forgotten first. */
const REMEMBERED_CONFLICTS = 1000;

/**
 * The event-store port, counted: appends by outcome, events stored, and retries. A change that
 * lost a race is decided again and appended with the same causation id (one per request), which is
 * how its retry is recognised here without the command handler knowing about metrics.
 */
export class MeteredEventStore implements EventStore {
  private readonly conflicted = new Set<string>();

  constructor(
    private readonly store: EventStore,
    private readonly metrics: OperationsMetrics,
  ) {}

  async append(
    stream: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    const causation = events[0]?.metadata.causationId;
    if (causation !== undefined && this.conflicted.delete(causation)) this.metrics.changeRetried();
    try {
      const result = await this.store.append(stream, events, expected);
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

  readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.store.readStream(stream, options);
  }

  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.store.readAll(options);
  }

  subscribeToAll(options?: SubscribeToAllOptions): AllSubscription {
    return this.store.subscribeToAll(options);
  }

  close(): Promise<void> {
    return this.store.close();
  }

  private remember(causation: string): void {
    this.conflicted.add(causation);
    if (this.conflicted.size > REMEMBERED_CONFLICTS) {
      this.conflicted.delete(this.conflicted.values().next().value!);
    }
  }
}
