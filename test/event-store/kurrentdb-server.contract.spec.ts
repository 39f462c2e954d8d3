import { describeEventStoreContract } from '../support/event-store-contract.js';
import { kurrentDbFixture } from '../support/kurrentdb-double/store-fixture.js';

/**
 * The same contract against a real KurrentDB: `docker compose up kurrentdb`, then
 * `KURRENTDB_TEST_URL=kurrentdb://localhost:2113?tls=false npm test`. Tests use streams of their
 * own, so the server may hold other data; they leave theirs behind. Without KURRENTDB_TEST_URL,
 * jest.config.js leaves this file out and says why.
 */
const url = process.env.KURRENTDB_TEST_URL!.trim();

describeEventStoreContract(`KurrentDbEventStore on the KurrentDB server at ${url}`, async () =>
  kurrentDbFixture(url),
);
