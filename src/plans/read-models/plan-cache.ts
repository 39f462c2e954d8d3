import type { LoadedPlan } from './loaded-plan.js';

/**
 * The plans in memory, least recently used first, bounded by the events they hold (what their
 * memory grows with). A plan someone is watching live is pinned: it stays, and counts.
 */
export class PlanCache {
  private readonly plans = new Map<string, LoadedPlan>();
  private readonly pins = new Map<string, number>();
  private events = 0;

  constructor(private readonly maxEvents: number) {}

  /** The plan, now the most recently used; undefined when it is not in memory. */
  get(planId: string): LoadedPlan | undefined {
    const loaded = this.plans.get(planId);
    if (loaded) {
      this.plans.delete(planId);
      this.plans.set(planId, loaded);
    }
    return loaded;
  }

  /** The plan if it is in memory, without counting as a use (for the live tail). */
  peek(planId: string): LoadedPlan | undefined {
    return this.plans.get(planId);
  }

  add(loaded: LoadedPlan): void {
    this.remove(loaded.planId);
    this.plans.set(loaded.planId, loaded);
    this.events += loaded.version;
    this.evict();
  }

  /** A live event was folded into a cached plan. */
  grew(): void {
    this.events += 1;
    this.evict();
  }

  remove(planId: string): void {
    const known = this.plans.get(planId);
    if (!known) return;
    this.plans.delete(planId);
    this.events -= known.version;
  }

  pin(planId: string): () => void {
    this.pins.set(planId, (this.pins.get(planId) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.pins.get(planId) ?? 1) - 1;
      if (left > 0) this.pins.set(planId, left);
      else this.pins.delete(planId);
      this.evict();
    };
  }

  get size(): { readonly plans: number; readonly events: number } {
    return { plans: this.plans.size, events: this.events };
  }

  /** Oldest first, never a pinned plan, and never the plan just used (one plan may exceed the bound). */
  private evict(): void {
    if (this.events <= this.maxEvents) return;
    const newest = [...this.plans.keys()].at(-1);
    for (const [planId, loaded] of this.plans) {
      if (this.events <= this.maxEvents) return;
      if (planId === newest || this.pins.has(planId)) continue;
      this.plans.delete(planId);
      this.events -= loaded.version;
    }
  }
}
