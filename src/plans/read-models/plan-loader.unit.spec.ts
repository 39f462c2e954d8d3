import { describe, expect, it } from '@jest/globals';
import {
  actionAdded,
  PLAN_ID,
  planCreated,
  progressNoteAdded,
  themeAdded,
} from '../../../test/support/plan-builders.js';
import type { EventStore, ReadStreamOptions, RecordedEvent } from '../../event-store/event-store.port.js';
import type { PlanEvent } from '../domain/events.js';
import { planStream } from '../plan-stream.js';
import type { PlanEventApplied } from './plan-event-applied.js';
import { planPart } from './plan-part.js';
import { PlanLoader } from './plan-loader.js';

/** The plan's events as stored, the n-th at revision n and position 100 + n. */
function stored(events: readonly PlanEvent[], planId = PLAN_ID): RecordedEvent[] {
  return events.map((event, revision) => ({
    id: `${planId}-event-${revision}`,
    type: event.type,
    data: { ...event.data, planId },
    metadata: {
      correlationId: 'c',
      causationId: 'k',
      schemaVersion: 1,
      recordedAt: new Date(Date.UTC(2024, 4, 1, 9, revision)).toISOString(),
    },
    stream: planStream(planId),
    revision,
    position: BigInt(100 + revision),
  }));
}

const notes = (count: number) =>
  Array.from({ length: count }, (_, index) =>
    progressNoteAdded({ noteId: `note-${index}`, text: `Note ${index}` }),
  );
const history = (noteCount: number) => [planCreated(), themeAdded(), actionAdded(), ...notes(noteCount)];

/** A store of these streams; `hold` keeps the next reads waiting until released. */
function storeOf(streams: Record<string, RecordedEvent[]>) {
  let held: (() => void) | undefined;
  let reads = 0;
  const store: Pick<EventStore, 'readStream'> = {
    async readStream(stream: string, options: ReadStreamOptions = {}) {
      reads += 1;
      const snapshot = (streams[stream] ?? []).slice(options.fromRevision ?? 0);
      if (held) await new Promise<void>((resolve) => (held = resolve));
      return snapshot;
    },
  };
  return {
    store,
    hold: () => (held = () => undefined),
    release: () => {
      const release = held;
      held = undefined;
      release?.();
    },
    reads: () => reads,
  };
}

const notesOf = (loader: PlanLoader) => async () =>
  (await loader.load(PLAN_ID))?.plan.actions.get('action-1-1')?.progressNotes.length;

describe('loading plans on demand', () => {
  it('folds a plan from its stream once, however many ask at the same time', async () => {
    const events = stored(history(3));
    const { store, reads } = storeOf({ [planStream(PLAN_ID)]: events });
    const loader = new PlanLoader(store, 1_000);
    const [first, second] = await Promise.all([loader.load(PLAN_ID), loader.load(PLAN_ID)]);
    expect(first).toBe(second);
    expect(first!.version).toBe(6);
    expect(reads()).toBe(1);
  });

  it('answers undefined for a plan with no events', async () => {
    const loader = new PlanLoader(storeOf({}).store, 1_000);
    expect(await loader.load('no-such-plan')).toBeUndefined();
  });

  it('keeps a loaded plan current from the live tail, and passes over what it folded already', async () => {
    const events = stored(history(4));
    const { store } = storeOf({ [planStream(PLAN_ID)]: events.slice(0, 5) });
    const loader = new PlanLoader(store, 1_000);
    await loader.load(PLAN_ID);
    expect(loader.onLiveEvent(events[4]!, PLAN_ID)).toBeUndefined();
    expect(loader.onLiveEvent(events[5]!, PLAN_ID)?.applied.after.version).toBe(6);
    expect(await notesOf(loader)()).toBe(3);
  });

  it('folds the live events that arrive while its stream is being read, and reads again across a gap', async () => {
    const events = stored(history(6));
    const streams = { [planStream(PLAN_ID)]: events.slice(0, 4) };
    const storage = storeOf(streams);
    const loader = new PlanLoader(storage.store, 1_000);
    storage.hold();
    const loading = loader.load(PLAN_ID);
    // Appended and delivered while the read is under way; one (revision 6) never reaches the tail in time.
    streams[planStream(PLAN_ID)] = events;
    for (const revision of [4, 5, 7, 8]) loader.onLiveEvent(events[revision]!, PLAN_ID);
    storage.release();
    const loaded = await loading;
    expect(loaded!.version).toBe(9);
    expect(loaded!.plan.actions.get('action-1-1')!.progressNotes.map((note) => note.text)).toEqual([
      'Note 0',
      'Note 1',
      'Note 2',
      'Note 3',
      'Note 4',
      'Note 5',
    ]);
  });

  it('lets the least recently used plan go when the events held pass the bound, but never a watched one', async () => {
    const streams = Object.fromEntries(
      ['a', 'b', 'c'].map((planId) => [planStream(planId), stored(history(5), planId)]),
    );
    const storage = storeOf(streams);
    const loader = new PlanLoader(storage.store, 16);
    const watched = await loader.pin('a');
    await loader.load('b');
    await loader.load('c');
    expect(loader.size).toEqual({ plans: 2, events: 16 });
    const before = storage.reads();
    await loader.load('a');
    expect(storage.reads()).toBe(before);
    watched.release();
    await loader.load('b');
    expect(loader.size.plans).toBe(2);
    expect(storage.reads()).toBe(before + 1);
  });

  it('builds a part asked for from the stream, with what the tail folded meanwhile, then keeps it current', async () => {
    const events = stored(history(5));
    const streams = { [planStream(PLAN_ID)]: events.slice(0, 6) };
    const storage = storeOf(streams);
    const loader = new PlanLoader(storage.store, 1_000);
    const seen = planPart('versions seen', () => {
      const versions: number[] = [];
      return { versions, onPlanEvent: ({ after }: PlanEventApplied) => void versions.push(after.version) };
    });
    loader.addPart(seen, { whenAsked: true });
    const loaded = (await loader.load(PLAN_ID))!;
    expect(loaded.has(seen)).toBe(false);
    storage.hold();
    const building = loader.partOf(loaded, seen);
    streams[planStream(PLAN_ID)] = events;
    loader.onLiveEvent(events[6]!, PLAN_ID);
    storage.release();
    const part = await building;
    loader.onLiveEvent(events[7]!, PLAN_ID);
    expect(part.versions).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(await loader.partOf(loaded, seen)).toBe(part);
  });
});
