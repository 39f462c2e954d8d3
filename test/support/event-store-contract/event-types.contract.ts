import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { historyUntilNow } from '../../../src/event-store/history-until-now.js';
import { newEvent, testStreams } from './events.js';
import type { CurrentFixture } from './fixture.js';
import { SubscriptionReader } from './subscription-reader.js';

/** How long to listen for a message that must not come. */
const QUIET_MS = 100;

/** Event type names unique to one test, so a shared server's other events never match them. */
function testTypes() {
  const suffix = randomUUID().replaceAll('-', '');
  return { created: `PlanCreated${suffix}`, closed: `PlanClosed${suffix}`, noted: `NoteAdded${suffix}` };
}

export function describeEventTypesContract(fixture: CurrentFixture): void {
  describe('subscribeToAll by event type', () => {
    it('delivers only events of the types asked for, history then caughtUp then live, in position order', async () => {
      const { store } = fixture();
      const { stream } = testStreams();
      const types = testTypes();
      const { created, noted, closed } = types;
      await store.append(
        stream('plan-1'),
        [newEvent(created), newEvent(noted), newEvent(noted)],
        'no_stream',
      );
      await store.append(stream('plan-2'), [newEvent(noted), newEvent(created)], 'no_stream');
      const reader = new SubscriptionReader(store.subscribeToAll({ eventTypes: [created, closed] }));
      const history = await reader.takeEvents(2);
      expect(history.map((event) => [event.stream, event.revision])).toEqual([
        [stream('plan-1'), 0],
        [stream('plan-2'), 1],
      ]);
      expect(await reader.take(1)).toEqual([{ kind: 'caughtUp', position: history[1]?.position }]);

      const live = reader.takeEvents(2);
      await store.append(stream('plan-1'), [newEvent(noted), newEvent(closed)], 2);
      await store.append(stream('plan-3'), [newEvent(created)], 'no_stream');
      expect((await live).map((event) => [event.type, event.stream])).toEqual([
        [closed, stream('plan-1')],
        [created, stream('plan-3')],
      ]);
      expect(await reader.nextWithin(QUIET_MS)).toBeUndefined();
    });

    it('starts after a position, exclusive', async () => {
      const { store } = fixture();
      const { stream } = testStreams();
      const { created, noted } = testTypes();
      const events = [newEvent(created), newEvent(noted), newEvent(created), newEvent(created)];
      await store.append(stream('plan'), events, 'no_stream');
      const [first] = await store.readStream(stream('plan'));
      const after = await historyUntilNow(store, { eventTypes: [created], afterPosition: first?.position });
      expect(after.map((event) => event.id)).toEqual([events[2]?.id, events[3]?.id]);
    });

    it('applies a stream prefix as well, in history and live', async () => {
      const { store } = fixture();
      const { prefix, stream } = testStreams();
      const { created } = testTypes();
      await store.append(stream('plan-1'), [newEvent(created), newEvent('ActionAdded')], 'no_stream');
      await store.append(stream('other-1'), [newEvent(created)], 'no_stream');
      const reader = new SubscriptionReader(
        store.subscribeToAll({ eventTypes: [created], streamPrefix: `${prefix}plan-` }),
      );
      const [history] = await reader.takeEvents(1);
      expect(history?.stream).toBe(stream('plan-1'));
      expect(await reader.take(1)).toEqual([{ kind: 'caughtUp', position: history?.position }]);
      await store.append(stream('other-2'), [newEvent(created)], 'no_stream');
      await store.append(stream('plan-2'), [newEvent('ActionAdded'), newEvent(created)], 'no_stream');
      expect((await reader.takeEvents(1)).map((event) => [event.stream, event.revision])).toEqual([
        [stream('plan-2'), 1],
      ]);
      expect(await reader.nextWithin(QUIET_MS)).toBeUndefined();
    });

    it('matches whole type names only', async () => {
      const { store } = fixture();
      const { stream } = testStreams();
      const { created } = testTypes();
      await store.append(stream('plan'), [newEvent(`${created}Twice`), newEvent(created)], 'no_stream');
      const delivered = await historyUntilNow(store, { eventTypes: [created] });
      expect(delivered.map((event) => event.type)).toEqual([created]);
      expect(await historyUntilNow(store, { eventTypes: [] })).toEqual([]);
    });
  });

  describe('headPosition', () => {
    it('is the position of the last event stored, of a prefix when asked', async () => {
      const { store } = fixture();
      const { prefix, stream } = testStreams();
      await store.append(stream('plan-1'), [newEvent('PlanCreated')], 'no_stream');
      const lastPlanEvent = await store.append(stream('plan-1'), [newEvent('ActionAdded')], 0);
      const other = await store.append(stream('other'), [newEvent('TextKeyStored')], 'no_stream');
      // At least: on a shared server another writer may have appended since.
      expect(await store.headPosition()).toBeGreaterThanOrEqual(other.position);
      expect(await store.headPosition({ streamPrefix: `${prefix}plan-` })).toBe(lastPlanEvent.position);
      expect(await store.headPosition({ streamPrefix: `${prefix}nothing-` })).toBeUndefined();
    });

    it('is reached by a subscription once it has delivered everything stored before', async () => {
      const { store } = fixture();
      const { prefix, stream } = testStreams();
      await store.append(stream('plan'), [newEvent('PlanCreated'), newEvent('ActionAdded')], 'no_stream');
      const head = await store.headPosition({ streamPrefix: prefix });
      const delivered = await historyUntilNow(store, { streamPrefix: prefix });
      expect(delivered.at(-1)?.position).toBe(head);
    });
  });
}
