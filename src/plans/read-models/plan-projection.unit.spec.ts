import { describe, expect, it } from '@jest/globals';
import {
  StoreUnavailableError,
  type AllSubscription,
  type EventStore,
  type RecordedEvent,
  type SubscribeToAllOptions,
  type SubscriptionMessage,
} from '../../event-store/event-store.port.js';
import { PlanProjection } from './plan-projection.js';

function delivering(messages: SubscriptionMessage[]): AllSubscription {
  return {
    async *[Symbol.asyncIterator]() {
      yield* messages;
      await new Promise(() => undefined);
    },
    close: async () => undefined,
  };
}

/** An empty store whose live tail delivers the given messages, then nothing more. */
function storeDelivering(messages: SubscriptionMessage[]): EventStore {
  return {
    headPosition: async () => undefined,
    subscribeToAll: (options: SubscribeToAllOptions = {}) =>
      delivering(options.eventTypes ? [{ kind: 'caughtUp', position: undefined }] : messages),
  } as unknown as EventStore;
}

const folded = () => new Promise((resolve) => setImmediate(resolve));

describe('PlanProjection', () => {
  it('answers a wait for a position it never folds with a retryable UNAVAILABLE at the deadline', async () => {
    const projection = new PlanProjection(storeDelivering([{ kind: 'caughtUp', position: undefined }]));
    await projection.whenReady();
    await folded();
    await expect(projection.waitFor(10n, 20)).rejects.toBeInstanceOf(StoreUnavailableError);
  });

  it('counts the records it passes over and stays ready', async () => {
    const projection = new PlanProjection(
      storeDelivering([
        {
          kind: 'skipped',
          skipped: { stream: 'improvementPlan-1', position: 5n, reason: 'tombstone', detail: '' },
        },
        { kind: 'caughtUp', position: 5n },
      ]),
    );
    await projection.whenReady();
    await folded();
    expect(projection.health()).toEqual({
      ready: true,
      skipped: {
        count: 1,
        byReason: { tombstone: 1 },
        latest: [{ stream: 'improvementPlan-1', position: '5', reason: 'tombstone' }],
      },
    });
  });

  it('refuses an event at a position before one already folded, and says why on health', async () => {
    const projection = new PlanProjection(
      storeDelivering([
        {
          kind: 'skipped',
          skipped: { stream: 'improvementPlan-1', position: 10n, reason: 'unreadable', detail: '' },
        },
        { kind: 'caughtUp', position: 10n },
        { kind: 'event', event: { position: 3n } as RecordedEvent },
      ]),
    );
    await projection.whenReady();
    await folded();
    expect(projection.health()).toMatchObject({
      ready: false,
      stopped: "the event store's positions went backwards",
    });
  });
});
