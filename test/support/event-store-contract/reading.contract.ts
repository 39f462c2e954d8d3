import { describe, expect, it } from '@jest/globals';
import { newEvent, newEvents, testStreams } from './events.js';
import type { CurrentFixture } from './fixture.js';

export function describeReadingContract(fixture: CurrentFixture): void {
  describe('readStream', () => {
    it('reads an unknown stream as empty', async () => {
      const { store } = fixture();
      const { stream } = testStreams();
      expect(await store.readStream(stream('nowhere'))).toEqual([]);
      expect(await store.readStream(stream('nowhere'), { fromRevision: 3, toRevision: 5 })).toEqual([]);
    });

    it('reads from and to a revision, both inclusive', async () => {
      const { store } = fixture();
      const { stream } = testStreams();
      await store.append(stream('plan'), newEvents(6), 'no_stream');
      const revisions = async (options: { fromRevision?: number; toRevision?: number }) =>
        (await store.readStream(stream('plan'), options)).map((event) => event.revision);
      expect(await revisions({ fromRevision: 2 })).toEqual([2, 3, 4, 5]);
      expect(await revisions({ toRevision: 1 })).toEqual([0, 1]);
      expect(await revisions({ fromRevision: 2, toRevision: 4 })).toEqual([2, 3, 4]);
      expect(await revisions({ fromRevision: 6 })).toEqual([]);
    });

    it('reads only events recorded at or before recordedUpTo', async () => {
      const { store } = fixture();
      const { stream } = testStreams();
      const recordedAt = ['2025-01-10T09:00:00.000Z', '2025-01-10T09:00:00.001Z', '2025-01-11T00:00:00.000Z'];
      const events = recordedAt.map((instant) => newEvent('ActionUpdated', {}, { recordedAt: instant }));
      await store.append(stream('plan'), events, 'no_stream');
      const idsUpTo = async (instant: string) =>
        (await store.readStream(stream('plan'), { recordedUpTo: new Date(instant) })).map(
          (event) => event.id,
        );
      expect(await idsUpTo('2025-01-10T08:59:59.999Z')).toEqual([]);
      expect(await idsUpTo('2025-01-10T09:00:00.001Z')).toEqual([events[0]?.id, events[1]?.id]);
      expect(await idsUpTo('2030-01-01T00:00:00.000Z')).toEqual(events.map((event) => event.id));
    });

    it('compares recordedUpTo as an instant, whatever the offset recordedAt was written with', async () => {
      const { store } = fixture();
      const { stream } = testStreams();
      const event = newEvent('ActionUpdated', {}, { recordedAt: '2025-06-01T10:00:00+01:00' });
      await store.append(stream('plan'), [event], 'no_stream');
      const upTo = (instant: string) => store.readStream(stream('plan'), { recordedUpTo: new Date(instant) });
      expect(await upTo('2025-06-01T09:00:00.000Z')).toHaveLength(1);
      expect(await upTo('2025-06-01T08:59:59.999Z')).toHaveLength(0);
    });

    it('combines a revision range with recordedUpTo', async () => {
      const { store } = fixture();
      const { stream } = testStreams();
      const days = ['2025-02-01', '2025-02-02', '2025-02-03', '2025-02-04'];
      const events = days.map((day) => newEvent('ActionUpdated', {}, { recordedAt: `${day}T12:00:00.000Z` }));
      await store.append(stream('plan'), events, 'no_stream');
      const read = await store.readStream(stream('plan'), {
        fromRevision: 1,
        recordedUpTo: new Date('2025-02-03T12:00:00.000Z'),
      });
      expect(read.map((event) => event.revision)).toEqual([1, 2]);
    });
  });

  describe('readAll', () => {
    it('reads every stream in position order', async () => {
      const { store } = fixture();
      const { prefix, stream } = testStreams();
      const a = newEvents(2);
      const b = newEvents(1);
      const c = newEvents(1);
      await store.append(stream('a'), a, 'no_stream');
      await store.append(stream('b'), b, 'no_stream');
      await store.append(stream('a'), c, 1);
      const all = await store.readAll({ streamPrefix: prefix });
      expect(all.map((event) => event.id)).toEqual([...a, ...b, ...c].map((event) => event.id));
      expect(all).toEqual(
        [...(await store.readStream(stream('a'))), ...(await store.readStream(stream('b')))].sort(
          (left, right) => (left.position < right.position ? -1 : 1),
        ),
      );
    });

    it('reads after a position, exclusive', async () => {
      const { store } = fixture();
      const { prefix, stream } = testStreams();
      await store.append(stream('plan'), newEvents(4), 'no_stream');
      const all = await store.readAll({ streamPrefix: prefix });
      const after = await store.readAll({ streamPrefix: prefix, afterPosition: all[1]?.position });
      expect(after).toEqual(all.slice(2));
      expect(await store.readAll({ streamPrefix: prefix, afterPosition: all[3]?.position })).toEqual([]);
    });

    it('filters by stream prefix', async () => {
      const { prefix, stream } = testStreams();
      const { store } = fixture();
      await store.append(stream('plan-1'), newEvents(1), 'no_stream');
      await store.append(stream('other-1'), newEvents(1), 'no_stream');
      await store.append(stream('plan-2'), newEvents(1), 'no_stream');
      const plans = await store.readAll({ streamPrefix: `${prefix}plan-` });
      expect(plans.map((event) => event.stream)).toEqual([stream('plan-1'), stream('plan-2')]);
      expect(await store.readAll({ streamPrefix: `${prefix}nothing-` })).toEqual([]);
    });

    it('reads at most maxCount events', async () => {
      const { store } = fixture();
      const { prefix, stream } = testStreams();
      await store.append(stream('plan'), newEvents(5), 'no_stream');
      const all = await store.readAll({ streamPrefix: prefix });
      expect(await store.readAll({ streamPrefix: prefix, maxCount: 2 })).toEqual(all.slice(0, 2));
      const page = await store.readAll({
        streamPrefix: prefix,
        afterPosition: all[1]?.position,
        maxCount: 2,
      });
      expect(page).toEqual(all.slice(2, 4));
    });
  });
}
