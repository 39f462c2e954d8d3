import { afterEach, beforeEach, describe } from '@jest/globals';
import { describeAppendContract } from './event-store-contract/append.contract.js';
import { describeDurabilityContract } from './event-store-contract/durability.contract.js';
import { describeEventTypesContract } from './event-store-contract/event-types.contract.js';
import type { EventStoreFactory, EventStoreFixture } from './event-store-contract/fixture.js';
import { describeIdempotencyContract } from './event-store-contract/idempotency.contract.js';
import { describeReadingContract } from './event-store-contract/reading.contract.js';
import { describeSubscriptionContract } from './event-store-contract/subscriptions.contract.js';

export type { EventStoreFactory, EventStoreFixture } from './event-store-contract/fixture.js';

/**
 * The behaviour every EventStore adapter must show. Tests use stream names unique to themselves
 * and never assume an empty log, so the factory may hand out a store shared with other data.
 */
export function describeEventStoreContract(name: string, factory: EventStoreFactory): void {
  describe(name, () => {
    let fixture: EventStoreFixture | undefined;
    const current = (): EventStoreFixture => {
      if (!fixture) throw new Error('The event-store fixture is only available inside a test');
      return fixture;
    };

    beforeEach(async () => {
      fixture = await factory();
    });

    afterEach(async () => {
      await fixture?.cleanup();
      fixture = undefined;
    });

    describeAppendContract(current);
    describeReadingContract(current);
    describeIdempotencyContract(current);
    describeSubscriptionContract(current);
    describeEventTypesContract(current);
    describeDurabilityContract(current);
  });
}
