import { describe, expect, it } from '@jest/globals';
import { WrongExpectedRevisionError } from '../../../src/event-store/event-store.port.js';
import { historyUntilNow } from '../../../src/event-store/history-until-now.js';
import { isStrictlyIncreasing, newEvent, newEvents, rejectionOf, testStreams } from './events.js';
import type { CurrentFixture } from './fixture.js';

export function describeAppendContract(fixture: CurrentFixture): void {
  describe('append', () => {
    it('creates a stream with no_stream, numbering revisions from 0', async () => {
      const { store } = fixture();
      const { stream } = testStreams();
      const result = await store.append(stream('plan'), newEvents(2), 'no_stream');
      const stored = await store.readStream(stream('plan'));
      expect(stored.map((event) => event.revision)).toEqual([0, 1]);
      expect(result).toEqual({ nextExpectedRevision: 1, position: stored[1]?.position });
    });

    it('appends at the expected revision, keeping revisions consecutive', async () => {
      const { store } = fixture();
      const { stream } = testStreams();
      await store.append(stream('plan'), newEvents(1), 'no_stream');
      expect((await store.append(stream('plan'), newEvents(2), 0)).nextExpectedRevision).toBe(2);
      expect((await store.append(stream('plan'), newEvents(1), 2)).nextExpectedRevision).toBe(3);
      const stored = await store.readStream(stream('plan'));
      expect(stored.map((event) => event.revision)).toEqual([0, 1, 2, 3]);
    });

    it('rejects a stale revision and stores nothing', async () => {
      const { store } = fixture();
      const { stream } = testStreams();
      await store.append(stream('plan'), newEvents(2), 'no_stream');
      const error = await rejectionOf(store.append(stream('plan'), newEvents(1), 0));
      expect(error).toBeInstanceOf(WrongExpectedRevisionError);
      expect(error).toMatchObject({ stream: stream('plan'), expected: 0, actual: 1 });
      expect(await store.readStream(stream('plan'))).toHaveLength(2);
    });

    it('rejects no_stream when the stream exists', async () => {
      const { store } = fixture();
      const { stream } = testStreams();
      await store.append(stream('plan'), newEvents(1), 'no_stream');
      const error = await rejectionOf(store.append(stream('plan'), newEvents(1), 'no_stream'));
      expect(error).toBeInstanceOf(WrongExpectedRevisionError);
      expect(error).toMatchObject({ stream: stream('plan'), expected: 'no_stream', actual: 0 });
    });

    it('rejects a revision when the stream does not exist', async () => {
      const { store } = fixture();
      const { stream } = testStreams();
      const error = await rejectionOf(store.append(stream('plan'), newEvents(1), 0));
      expect(error).toBeInstanceOf(WrongExpectedRevisionError);
      expect(error).toMatchObject({ stream: stream('plan'), expected: 0, actual: 'no_stream' });
      expect(await store.readStream(stream('plan'))).toEqual([]);
    });

    it('gives positions that strictly increase across streams', async () => {
      const { store } = fixture();
      const { prefix, stream } = testStreams();
      const results = [
        await store.append(stream('a'), newEvents(2), 'no_stream'),
        await store.append(stream('b'), newEvents(1), 'no_stream'),
        await store.append(stream('a'), newEvents(1), 1),
      ];
      const all = await historyUntilNow(store, { streamPrefix: prefix });
      expect(all.map((event) => [event.stream, event.revision])).toEqual([
        [stream('a'), 0],
        [stream('a'), 1],
        [stream('b'), 0],
        [stream('a'), 2],
      ]);
      expect(isStrictlyIncreasing(all.map((event) => event.position))).toBe(true);
      expect(results.map((result) => result.position)).toEqual(
        [1, 2, 3].map((index) => all[index]?.position),
      );
    });

    describe('with no events', () => {
      it('returns the stream as it is when the expectation holds', async () => {
        const { store } = fixture();
        const { stream } = testStreams();
        const written = await store.append(stream('plan'), newEvents(2), 'no_stream');
        expect(await store.append(stream('plan'), [], 1)).toEqual(written);
        expect(await store.readStream(stream('plan'))).toHaveLength(2);
      });

      it('reports revision -1 for a stream that does not exist, and does not create it', async () => {
        const { store } = fixture();
        const { stream } = testStreams();
        expect((await store.append(stream('plan'), [], 'no_stream')).nextExpectedRevision).toBe(-1);
        expect((await store.append(stream('plan'), [], 'no_stream')).nextExpectedRevision).toBe(-1);
        expect((await store.append(stream('plan'), newEvents(1), 'no_stream')).nextExpectedRevision).toBe(0);
      });

      it('still checks the expectation', async () => {
        const { store } = fixture();
        const { stream } = testStreams();
        const missing = await rejectionOf(store.append(stream('plan'), [], 0));
        expect(missing).toMatchObject({ expected: 0, actual: 'no_stream' });
        await store.append(stream('plan'), newEvents(1), 'no_stream');
        const stale = await rejectionOf(store.append(stream('plan'), [], 'no_stream'));
        expect(stale).toBeInstanceOf(WrongExpectedRevisionError);
        expect(stale).toMatchObject({ expected: 'no_stream', actual: 0 });
      });
    });

    it('round-trips data and metadata exactly', async () => {
      const { store, addsToMetadata = {} } = fixture();
      const { stream } = testStreams();
      const detailed = newEvent(
        'ActionAdded',
        {
          title: 'Improve the “front door” — MASH ✓ 👩🏽‍⚖️ ñ 中文 \u0000 "quoted" \\ back\nslash',
          evidence: 'Ofsted ILACS judgement. '.repeat(5000),
          owner: { name: 'Team manager', teams: ['North', 'South'], since: null },
          milestones: [
            { due: '2025-03-31', done: false, weight: 0.25 },
            { nested: { deeper: [[1], [2, 3]] } },
          ],
          count: 9007199254740991,
          empty: {},
        },
        { effectiveDate: '2025-01-15', actor: 'user-42', schemaVersion: 3 },
      );
      const plain = newEvent('PlanCreated', { name: 'Plan' });
      await store.append(stream('plan'), [detailed, plain], 'no_stream');
      const [first, second] = await store.readStream(stream('plan'));
      expect(first).toMatchObject({ id: detailed.id, type: detailed.type, stream: stream('plan') });
      expect(first?.data).toStrictEqual(detailed.data);
      expect(first?.metadata).toStrictEqual({ ...detailed.metadata, ...addsToMetadata });
      expect(second?.metadata).toStrictEqual({ ...plain.metadata, ...addsToMetadata });
    });
  });
}
