import type { EventStore, RecordedEvent } from '../../event-store/event-store.port.js';
import { planStream } from '../plan-stream.js';
import { LoadedPlan } from './loaded-plan.js';
import type { PlanEventApplied } from './plan-event-applied.js';
import { PlanCache } from './plan-cache.js';
import type { PlanPart, PlanPartModel } from './plan-part.js';

interface Loading {
  readonly promise: Promise<LoadedPlan | undefined>;
  /** Live events of the plan that arrived while its stream was being read. */
  readonly arrived: RecordedEvent[];
}

/**
 * Plans on demand: the first question about a plan reads its stream and folds it; the plan then
 * stays in the cache, kept current by the live tail, until the cache needs the room. Loading the
 * same plan twice at once reads it once.
 */
export class PlanLoader {
  private readonly cache: PlanCache;
  private readonly loading = new Map<string, Loading>();
  private readonly parts: PlanPart<PlanPartModel>[] = [];

  constructor(
    private readonly store: Pick<EventStore, 'readStream'>,
    maxEvents: number,
  ) {
    this.cache = new PlanCache(maxEvents);
  }

  /** Parts are folded with every plan loaded from now on. */
  addPart(part: PlanPart<PlanPartModel>): void {
    this.parts.push(part);
  }

  /** The plan folded up to (at least) the end of its stream now; undefined when it has no events. */
  load(planId: string): Promise<LoadedPlan | undefined> {
    const cached = this.cache.get(planId);
    if (cached) return Promise.resolve(cached);
    const known = this.loading.get(planId);
    if (known) return known.promise;
    const arrived: RecordedEvent[] = [];
    const promise = this.read(planId, arrived).finally(() => this.loading.delete(planId));
    this.loading.set(planId, { promise, arrived });
    return promise;
  }

  /**
   * A live event from the store's tail: folded into its plan if the plan is in memory (what it
   * returns is handed to the live read models), kept for a load under way, else passed over.
   */
  onLiveEvent(
    recorded: RecordedEvent,
    planId: string,
  ): { applied: PlanEventApplied; loaded: LoadedPlan } | undefined {
    const loading = this.loading.get(planId);
    if (loading) {
      loading.arrived.push(recorded);
      return undefined;
    }
    const loaded = this.cache.peek(planId);
    if (!loaded || recorded.revision < loaded.version) return undefined;
    if (recorded.revision > loaded.version) {
      // Something was missed (cannot happen with an ordered tail): read the plan again when asked.
      this.cache.remove(planId);
      return undefined;
    }
    const applied = loaded.apply(recorded);
    this.cache.grew();
    return { applied, loaded };
  }

  /** Keeps the plan in memory (loading it) until the returned release is called. */
  async pin(planId: string): Promise<{ loaded: LoadedPlan | undefined; release: () => void }> {
    const release = this.cache.pin(planId);
    const loaded = await this.load(planId).catch((error: unknown) => {
      release();
      throw error;
    });
    return { loaded, release };
  }

  get size(): { readonly plans: number; readonly events: number } {
    return this.cache.size;
  }

  private async read(planId: string, arrived: RecordedEvent[]): Promise<LoadedPlan | undefined> {
    const stream = planStream(planId);
    const events = await this.store.readStream(stream);
    if (events.length === 0) return undefined;
    const loaded = new LoadedPlan(planId, this.parts);
    for (const recorded of events) loaded.apply(recorded);
    // Whatever the tail brought meanwhile, then anything between (read again), until nothing is left.
    for (;;) {
      const next = arrived.splice(0);
      const gap = next.some((recorded) => !this.foldIfNext(loaded, recorded));
      if (!gap) break;
      for (const recorded of await this.store.readStream(stream, { fromRevision: loaded.version })) {
        this.foldIfNext(loaded, recorded);
      }
    }
    this.cache.add(loaded);
    return loaded;
  }

  /** Folds the event if it is the plan's next; false when events before it are missing. */
  private foldIfNext(loaded: LoadedPlan, recorded: RecordedEvent): boolean {
    if (recorded.revision !== loaded.version) return recorded.revision < loaded.version;
    loaded.apply(recorded);
    return true;
  }
}
