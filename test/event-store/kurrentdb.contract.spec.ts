import { afterAll, beforeAll, describe } from '@jest/globals';
import { describeEventStoreContract } from '../support/event-store-contract.js';
import {
  KurrentDbDouble,
  type KurrentDbDoubleOptions,
} from '../support/kurrentdb-double/kurrentdb-double.js';
import { kurrentDbFixture } from '../support/kurrentdb-double/store-fixture.js';

// The real client (grpc-js and its native bridge) against the protocol double: no Docker needed.
describe.each<[string, KurrentDbDoubleOptions]>([
  ['BatchAppend, as a real server offers it', { batchAppend: true }],
  ['Append, as with a server that does not offer BatchAppend', { batchAppend: false }],
])('the official KurrentDB client against the protocol double, appending through %s', (_, options) => {
  let double: KurrentDbDouble;

  beforeAll(async () => {
    double = await KurrentDbDouble.start(options);
  });

  afterAll(async () => {
    await double.close();
  });

  describeEventStoreContract('KurrentDbEventStore', async () => kurrentDbFixture(double.connectionString));
});
