import type { PlanEvent, TextRedacted } from '../domain/events.js';
import { evolve, type FoldContext, type Plan } from '../domain/plan.js';
import { effectiveDayOf } from '../domain/point-in-time.js';
import { redactionNotice } from '../domain/recorded-texts.js';
import { redactedEvent, redactionBy } from '../domain/redaction.js';
import type { PlanEventApplied } from './plan-event-applied.js';

/** A snapshot every this many events bounds a replay to at most this many folds. */
const SNAPSHOT_EVERY = 64;

interface Entry {
  readonly recordedAt: number;
  readonly event: PlanEvent;
  readonly context: FoldContext;
}

/**
 * Every event of one plan in order, with periodic snapshots, so the plan as recorded at any
 * instant or version is replayed with `evolve` without reading the store again.
 */
export class PlanTimeline {
  private readonly entries: Entry[] = [];
  /** snapshots[k] is the plan after (k + 1) * SNAPSHOT_EVERY events. */
  private readonly snapshots: Plan[] = [];
  /** Each entry's effective day, worked out the first time a question about effect needs it. */
  private readonly effectiveDays: string[] = [];

  append({ event, context, after }: PlanEventApplied): void {
    this.entries.push({ recordedAt: Date.parse(context.recordedAt), event, context });
    if (event.type === 'TextRedacted') this.eraseFromThePast(event, context);
    if (this.entries.length % SNAPSHOT_EVERY === 0) this.snapshots.push(after);
  }

  /**
   * An erased text is gone from every earlier version too: the event that recorded it now reads
   * with the redaction notice, and the snapshots that folded it are folded again.
   */
  private eraseFromThePast(redacted: TextRedacted, context: FoldContext): void {
    const { eventId, field } = redacted.data;
    const index = this.entries.findIndex((entry) => entry.context.eventId === eventId);
    const entry = this.entries[index];
    if (!entry) return;
    const notice = redactionNotice(redactionBy(redacted, context));
    this.entries[index] = { ...entry, event: redactedEvent(entry.event, field, notice) };
    const unaffected = Math.floor(index / SNAPSHOT_EVERY);
    this.snapshots.length = unaffected;
    let plan = this.snapshots.at(-1);
    // Up to the redaction itself, whose snapshot (if one is due) append takes from the read model.
    for (let at = unaffected * SNAPSHOT_EVERY; at < this.entries.length - 1; at += 1) {
      plan = evolve(plan, this.entries[at]!.event, this.entries[at]!.context);
      if ((at + 1) % SNAPSHOT_EVERY === 0) this.snapshots.push(plan);
    }
  }

  get version(): number {
    return this.entries.length;
  }

  /** When the event that brought the plan to this version was recorded. */
  recordedAtOf(version: number): string {
    return this.entries[version - 1]!.context.recordedAt;
  }

  /** Events recorded at or before the instant (transaction time never decreases within a plan). */
  versionAt(instant: Date): number {
    const time = instant.getTime();
    let low = 0;
    let high = this.entries.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.entries[middle]!.recordedAt <= time) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** The plan after its first `version` events; undefined before it was created. */
  stateAtVersion(version: number): Plan | undefined {
    const upTo = Math.min(Math.max(version, 0), this.entries.length);
    const snapshotIndex = Math.floor(upTo / SNAPSHOT_EVERY) - 1;
    let plan = snapshotIndex >= 0 ? this.snapshots[snapshotIndex] : undefined;
    for (let index = (snapshotIndex + 1) * SNAPSHOT_EVERY; index < upTo; index += 1) {
      const { event, context } = this.entries[index]!;
      plan = evolve(plan, event, context);
    }
    return plan;
  }

  stateAt(instant: Date): Plan | undefined {
    return this.stateAtVersion(this.versionAt(instant));
  }

  /**
   * The plan as it stood in effect on `day`, by what its first `version` events say: those whose
   * effective day is on or before `day`, folded in recorded order. A change to something not in
   * effect yet on that day (an action added later) is left out with it; erasures apply always.
   */
  stateInEffect(version: number, day: string): Plan | undefined {
    let plan: Plan | undefined;
    for (let index = 0; index < Math.min(version, this.entries.length); index += 1) {
      const { event, context } = this.entries[index]!;
      const inEffect = event.type === 'TextRedacted' || this.effectiveDay(index) <= day;
      if (inEffect && appliesTo(plan, event)) plan = evolve(plan, event, context);
    }
    return plan;
  }

  private effectiveDay(index: number): string {
    return (this.effectiveDays[index] ??= effectiveDayOf(this.entries[index]!.context));
  }
}

/** Whether what the event changes is there to change: the plan, and the action it names. */
function appliesTo(plan: Plan | undefined, event: PlanEvent): boolean {
  if (event.type === 'PlanCreated') return plan === undefined;
  if (!plan) return false;
  if (event.type === 'ActionAdded' || event.type === 'TextRedacted' || !('actionId' in event.data))
    return true;
  return plan.actions.has(event.data.actionId);
}
