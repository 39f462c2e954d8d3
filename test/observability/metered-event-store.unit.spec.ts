import { describe, expect, it } from '@jest/globals';
import {
  WrongExpectedRevisionError,
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
} from '../../src/event-store/event-store.port.js';
import { MeteredEventStore } from '../../src/observability/metered-event-store.js';
import { OperationsMetrics } from '../../src/observability/operations-metrics.js';

/** One stream, kept as a count: enough to conflict like a real store. */
class OneStream implements Pick<EventStore, 'append'> {
  revision = -1;
  failNext: Error | undefined;

  async append(
    stream: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    if (this.failNext) throw this.failNext;
    const actual = this.revision < 0 ? 'no_stream' : this.revision;
    if (expected !== actual) throw new WrongExpectedRevisionError(stream, expected, actual);
    this.revision += events.length;
    return { nextExpectedRevision: this.revision, position: BigInt(this.revision) };
  }
}

const change = (causationId: string): NewEvent[] => [
  {
    id: crypto.randomUUID(),
    type: 'ProgressNoteAdded',
    data: {},
    metadata: { correlationId: 'c', causationId, recordedAt: '2024-05-01T09:00:00.000Z', schemaVersion: 1 },
  },
];

async function given() {
  const metrics = new OperationsMetrics();
  const inner = new OneStream();
  const store = new MeteredEventStore(inner as unknown as EventStore, metrics);
  const value = async (name: string) =>
    (await metrics.registry.getSingleMetricAsString(name))
      .split('\n')
      .filter((line) => !line.startsWith('#'))
      .join('\n');
  return { metrics, inner, store, value };
}

describe('the event store, counted for GET /metrics', () => {
  it('counts a stored append and its events', async () => {
    const { store, value } = await given();
    await store.append('plan-1', [...change('a'), ...change('a')], 'no_stream');
    expect(await value('plans_event_appends_total')).toBe('plans_event_appends_total{outcome="stored"} 1');
    expect(await value('plans_events_appended_total')).toBe('plans_events_appended_total 2');
  });

  it('counts a conflict, and the same change appended again as one retry', async () => {
    const { store, value } = await given();
    await store.append('plan-1', change('first writer'), 'no_stream');
    await expect(store.append('plan-1', change('late'), 'no_stream')).rejects.toThrow(
      WrongExpectedRevisionError,
    );
    await store.append('plan-1', change('late'), 0);
    await store.append('plan-1', change('another change'), 1);
    expect(await value('plans_event_appends_total')).toBe(
      'plans_event_appends_total{outcome="stored"} 3\nplans_event_appends_total{outcome="conflict"} 1',
    );
    expect(await value('plans_change_retries_total')).toBe('plans_change_retries_total 1');
  });

  it('counts a failure that is not a conflict, and passes it on unchanged', async () => {
    const { store, inner, value } = await given();
    inner.failNext = new Error('disk full');
    await expect(store.append('plan-1', change('a'), 'no_stream')).rejects.toThrow('disk full');
    expect(await value('plans_event_appends_total')).toBe('plans_event_appends_total{outcome="failed"} 1');
    expect(await value('plans_change_retries_total')).toBe('plans_change_retries_total 0');
  });
});
