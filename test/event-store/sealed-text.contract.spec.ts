import { afterAll, beforeAll, describe } from '@jest/globals';
import { describeEventStoreContract } from '../support/event-store-contract.js';
import { KurrentDbDouble } from '../support/kurrentdb-double/kurrentdb-double.js';
import { kurrentDbStorage, sqliteStorage, type SealedTextStorage } from '../support/sealed-text-stores.js';

// The sealing decorator keeps every promise of the port, whatever store it is in front of.
const fixtureOn = (storage: SealedTextStorage) => ({
  store: storage.sealed(),
  reopen: async () => storage.sealed(),
  cleanup: () => storage.cleanup(),
});

describeEventStoreContract('SealedTextEventStore over SQLite', async () => fixtureOn(sqliteStorage()));

describe('over KurrentDB (the protocol double)', () => {
  let double: KurrentDbDouble;
  beforeAll(async () => {
    double = await KurrentDbDouble.start();
  });
  afterAll(async () => {
    await double.close();
  });

  describeEventStoreContract('SealedTextEventStore over KurrentDB', async () => ({
    ...fixtureOn(kurrentDbStorage(double.connectionString)),
    eventIdsScope: 'stream',
  }));
});
