import type { EventStore, RecordedEvent } from '../../event-store/event-store.port.js';
import { planStream } from '../plan-stream.js';
import { foldStep, LoadedPlan } from './loaded-plan.js';
import type { Plan } from '../domain/plan.js';
import type { PlanEventApplied } from './plan-event-applied.js';
import { PlanCache } from './plan-cache.js';
import type { PlanPart, PlanPartModel } from './plan-part.js';

/** A part built when first asked for, not with every plan loaded (a search index, say). */
export interface PartOptions {
  readonly whenAsked?: boolean;
}

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
  /** Parts folded with every plan loaded. */
  private readonly parts: PlanPart<PlanPartModel>[] = [];
  private readonly building = new WeakMap<LoadedPlan, Map<PlanPart<PlanPartModel>, Promise<PlanPartModel>>>();

  constructor(
    private readonly store: Pick<EventStore, 'readStream'>,
    maxEvents: number,
  ) {
    this.cache = new PlanCache(maxEvents);
  }

  /** Parts are folded with every plan loaded from now on, or built when first asked for. */
  addPart(part: PlanPart<PlanPartModel>, options: PartOptions = {}): void {
    if (!options.whenAsked) this.parts.push(part);
  }

  /**
   * The plan's part, built on first asking from the plan's stream (read again: the events are not
   * kept twice) up to the version the plan has reached; from then on it is folded with the plan.
   */
  async partOf<T extends PlanPartModel>(loaded: LoadedPlan, part: PlanPart<T>): Promise<T> {
    if (loaded.has(part)) return loaded.part(part);
    let builds = this.building.get(loaded);
    if (!builds) this.building.set(loaded, (builds = new Map()));
    let build = builds.get(part);
    if (!build) {
      build = this.build(loaded, part).finally(() => builds.delete(part));
      builds.set(part, build);
    }
    return (await build) as T;
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

  private async build<T extends PlanPartModel>(loaded: LoadedPlan, part: PlanPart<T>): Promise<T> {
    const stream = planStream(loaded.planId);
    const events = await this.store.readStream(stream);
    // The live tail may have folded more into the plan meanwhile: read on until the part can catch up.
    while (events.length < loaded.version) {
      const more = await this.store.readStream(stream, { fromRevision: events.length });
      if (more.length === 0) throw new Error(`${stream} ends before the version already folded`);
      events.push(...more);
    }
    const model = part.create();
    let before: Plan | undefined;
    for (const recorded of events.slice(0, loaded.version)) {
      const applied = foldStep(before, recorded);
      model.onPlanEvent(applied);
      before = applied.after;
    }
    return loaded.adopt(part, model);
  }

  /** Folds the event if it is the plan's next; false when events before it are missing. */
  private foldIfNext(loaded: LoadedPlan, recorded: RecordedEvent): boolean {
    if (recorded.revision !== loaded.version) return recorded.revision < loaded.version;
    loaded.apply(recorded);
    return true;
  }
}
