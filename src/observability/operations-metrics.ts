import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Latency buckets (seconds) from a cached read to a large import. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** Operation names are chosen by clients: past this many, new ones are counted as "other". */
const MAX_OPERATION_LABELS = 100;

/**
 * The process's own metrics (CPU, memory, event-loop lag, GC) are the same for every application in
 * it, and their collectors cannot be stopped: made once per process, shared by every registry.
 */
let processMetrics: Registry | undefined;
function processRegistry(): Registry {
  if (!processMetrics) {
    processMetrics = new Registry();
    collectDefaultMetrics({ register: processMetrics });
  }
  return processMetrics;
}

/** How far the read models are behind the store, measured when metrics are read. */
export interface ProjectionLag {
  /** Position of the last event folded into the read models (-1 before the first). */
  readonly foldedPosition: bigint;
  /** Plan events in the store after it (counted up to a cap). */
  readonly unfoldedEvents: number;
}

/** How much of the read side is in memory. */
export interface ReadSideSize {
  readonly cachedPlans: number;
  readonly cachedEvents: number;
  readonly indexedPlans: number;
}

/**
 * What operators watch, in Prometheus' format on GET /metrics. One registry per application, so
 * two applications in one process (the tests) count apart.
 */
export class OperationsMetrics {
  readonly registry = new Registry();
  private readonly operations = new Set<string>();
  private readonly graphqlLatency = new Histogram({
    name: 'plans_graphql_request_duration_seconds',
    help: 'GraphQL requests over HTTP by operation (its name, or its kind and first root field)',
    labelNames: ['operation'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  private readonly httpLatency = new Histogram({
    name: 'plans_http_request_duration_seconds',
    help: 'HTTP requests by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  private readonly appends = new Counter({
    name: 'plans_event_appends_total',
    help: 'Appends to the event store by outcome: stored, conflict (another writer was first) or failed',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });
  private readonly appendedEvents = new Counter({
    name: 'plans_events_appended_total',
    help: 'Events stored',
    registers: [this.registry],
  });
  private readonly retries = new Counter({
    name: 'plans_change_retries_total',
    help: 'Changes decided again on the newer state after a conflict',
    registers: [this.registry],
  });
  private readonly repeats = new Counter({
    name: 'plans_idempotent_repeats_total',
    help: 'Requests answered from an earlier one with the same Idempotency-Key (nothing appended)',
    registers: [this.registry],
  });
  private lagSource: (() => Promise<ProjectionLag>) | undefined;
  private sizeSource: (() => ReadSideSize) | undefined;

  constructor() {
    const lagOf = () => this.lagSource?.();
    const sizeOf = () => this.sizeSource?.();
    const sized = (name: string, help: string, of: (size: ReadSideSize) => number) =>
      new Gauge({
        name,
        help,
        registers: [this.registry],
        collect() {
          const size = sizeOf();
          if (size) this.set(of(size));
        },
      });
    sized('plans_cache_plans', 'Plans held in memory (the plan cache)', (size) => size.cachedPlans);
    sized(
      'plans_cache_events',
      'Events of the plans held in memory; bounded by PLAN_CACHE_EVENTS',
      (size) => size.cachedEvents,
    );
    sized(
      'plans_index_plans',
      'Plans in the plan index (every plan in the store)',
      (size) => size.indexedPlans,
    );
    new Gauge({
      name: 'plans_projection_lag_events',
      help: 'Plan events stored but not yet folded into the read models (live subscriptions lag by this)',
      registers: [this.registry],
      async collect() {
        const lag = await lagOf();
        if (lag) this.set(lag.unfoldedEvents);
      },
    });
    new Gauge({
      name: 'plans_projection_position',
      help: 'Store position of the last event folded into the read models',
      registers: [this.registry],
      async collect() {
        const lag = await lagOf();
        if (lag) this.set(Number(lag.foldedPosition));
      },
    });
  }

  /** Prometheus' text format: this application's metrics and the process's. */
  readonly contentType = this.registry.contentType;
  exposition(): Promise<string> {
    return Registry.merge([this.registry, processRegistry()]).metrics();
  }

  graphqlRequest(operation: string, seconds: number): void {
    this.graphqlLatency.observe({ operation: this.bounded(operation) }, seconds);
  }

  httpRequest(method: string, route: string, status: number, seconds: number): void {
    this.httpLatency.observe({ method, route, status: String(status) }, seconds);
  }

  appended(events: number): void {
    this.appends.inc({ outcome: 'stored' });
    this.appendedEvents.inc(events);
  }

  appendConflicted(): void {
    this.appends.inc({ outcome: 'conflict' });
  }

  appendFailed(): void {
    this.appends.inc({ outcome: 'failed' });
  }

  changeRetried(): void {
    this.retries.inc();
  }

  idempotentRepeat(): void {
    this.repeats.inc();
  }

  /** Where the plan cache and index sizes are read from (set once the projection is wired). */
  measureReadSideWith(source: () => ReadSideSize): void {
    this.sizeSource = source;
  }

  /** Where the projection lag is measured from (set once the projection is wired). */
  measureLagWith(source: () => Promise<ProjectionLag>): void {
    this.lagSource = source;
  }

  private bounded(operation: string): string {
    if (this.operations.has(operation)) return operation;
    if (this.operations.size >= MAX_OPERATION_LABELS) return 'other';
    this.operations.add(operation);
    return operation;
  }
}
