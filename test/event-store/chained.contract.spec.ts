import { afterAll, beforeAll, describe } from '@jest/globals';
import { ChainedEventStore } from '../../src/event-store/chained/chained-event-store.js';
import { KurrentDbEventStore } from '../../src/event-store/kurrentdb/kurrentdb-event-store.js';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store.js';
import { A_HASH, expectEveryChainValid } from '../support/chain-checks.js';
import { describeEventStoreContract } from '../support/event-store-contract.js';
import { KurrentDbDouble } from '../support/kurrentdb-double/kurrentdb-double.js';
import { FAST_RETRY, kurrentDbFixture } from '../support/kurrentdb-double/store-fixture.js';
import { TemporaryStoreFile } from './temporary-store-file.js';

/*
 * The hash-chaining decorator must keep every promise of the port (it only adds metadata.hash), and
 * after each contract test every stream it wrote must verify as one unbroken chain.
 */

describeEventStoreContract('ChainedEventStore over SqliteEventStore', async () => {
  const file = new TemporaryStoreFile();
  return {
    store: new ChainedEventStore(file.open()),
    reopen: async () => new ChainedEventStore(file.open()),
    addsToMetadata: { hash: A_HASH },
    cleanup: async () => {
      try {
        await expectEveryChainValid(SqliteEventStore.open(file.path));
      } finally {
        await file.remove();
      }
    },
  };
});

describe('ChainedEventStore over the official KurrentDB client and the protocol double', () => {
  let double: KurrentDbDouble;

  beforeAll(async () => {
    double = await KurrentDbDouble.start();
  });

  afterAll(async () => {
    await double.close();
  });

  describeEventStoreContract('ChainedEventStore over KurrentDbEventStore', async () => {
    const fixture = kurrentDbFixture(double.connectionString);
    return {
      ...fixture,
      store: new ChainedEventStore(fixture.store),
      reopen: async () => new ChainedEventStore(await fixture.reopen!()),
      addsToMetadata: { hash: A_HASH },
      cleanup: async () => {
        const checker = KurrentDbEventStore.connect(double.connectionString, FAST_RETRY);
        try {
          await expectEveryChainValid(checker, 'contract-');
        } finally {
          await Promise.all([checker.close(), fixture.cleanup()]);
        }
      },
    };
  });
});
