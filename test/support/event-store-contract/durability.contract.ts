import { historyUntilNow } from '../../../src/event-store/history-until-now.js';
import { describe, expect, it } from '@jest/globals';
import { newEvents, testStreams } from './events.js';
import type { CurrentFixture } from './fixture.js';

export function describeDurabilityContract(fixture: CurrentFixture): void {
  describe('durability', () => {
    // Only for adapters whose fixture can reopen the same storage.
    it('keeps appended events across close and reopen, and continues their numbering', async () => {
      const { store, reopen } = fixture();
      if (!reopen) return;
      const { prefix, stream } = testStreams();
      await store.append(stream('a'), newEvents(2), 'no_stream');
      const last = await store.append(stream('b'), newEvents(1), 'no_stream');
      const before = await historyUntilNow(store, { streamPrefix: prefix });
      await store.close();

      const reopened = await reopen();
      expect(await historyUntilNow(reopened, { streamPrefix: prefix })).toEqual(before);
      expect(await reopened.readStream(stream('a'))).toEqual(before.slice(0, 2));
      const next = await reopened.append(stream('a'), newEvents(1), 1);
      expect(next.nextExpectedRevision).toBe(2);
      expect(next.position).toBeGreaterThan(last.position);
    });
  });
}
