import { describe, expect, it } from '@jest/globals';
import { newEvents, testStreams } from './events.js';
import type { CurrentFixture } from './fixture.js';

export function describeReadingContract(fixture: CurrentFixture): void {
  describe('readStream', () => {
    it('reads an unknown stream as empty', async () => {
      const { store } = fixture();
      const { stream } = testStreams();
      expect(await store.readStream(stream('nowhere'))).toEqual([]);
      expect(await store.readStream(stream('nowhere'), { fromRevision: 3, maxCount: 2 })).toEqual([]);
    });

    it('reads from a revision (inclusive), at most maxCount events', async () => {
      const { store } = fixture();
      const { stream } = testStreams();
      await store.append(stream('plan'), newEvents(6), 'no_stream');
      const revisions = async (options: { fromRevision?: number; maxCount?: number }) =>
        (await store.readStream(stream('plan'), options)).map((event) => event.revision);
      expect(await revisions({})).toEqual([0, 1, 2, 3, 4, 5]);
      expect(await revisions({ fromRevision: 2 })).toEqual([2, 3, 4, 5]);
      expect(await revisions({ maxCount: 2 })).toEqual([0, 1]);
      expect(await revisions({ fromRevision: 2, maxCount: 3 })).toEqual([2, 3, 4]);
      expect(await revisions({ fromRevision: 4, maxCount: 10 })).toEqual([4, 5]);
      expect(await revisions({ fromRevision: 6 })).toEqual([]);
      expect(await revisions({ maxCount: 0 })).toEqual([]);
    });

    it('reads each stream in revision order, with positions in the order of appends', async () => {
      const { store } = fixture();
      const { stream } = testStreams();
      const a = newEvents(2);
      const b = newEvents(1);
      const c = newEvents(1);
      await store.append(stream('a'), a, 'no_stream');
      await store.append(stream('b'), b, 'no_stream');
      await store.append(stream('a'), c, 1);
      const streamA = await store.readStream(stream('a'));
      const [onlyB] = await store.readStream(stream('b'));
      expect(streamA.map((event) => event.id)).toEqual([...a, ...c].map((event) => event.id));
      expect(onlyB?.id).toBe(b[0]?.id);
      expect(streamA[1]!.position < onlyB!.position && onlyB!.position < streamA[2]!.position).toBe(true);
    });
  });
}
