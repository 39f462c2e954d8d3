import { describe, it } from '@jest/globals';
import { describeEventStoreContract } from '../support/event-store-contract.js';
import { kurrentDbFixture } from '../support/kurrentdb-double/store-fixture.js';

/**
 * The same contract against a real KurrentDB, when one is given: `docker compose up kurrentdb`,
 * then `KURRENTDB_TEST_URL=kurrentdb://localhost:2113?tls=false npm test`. Tests use streams of
 * their own, so the server may hold other data; they leave theirs behind.
 */
const url = process.env.KURRENTDB_TEST_URL?.trim();

if (url) {
  describeEventStoreContract(`KurrentDbEventStore on the KurrentDB server at ${url}`, async () =>
    kurrentDbFixture(url),
  );
} else {
  const why = 'KURRENTDB_TEST_URL is not set (see README, "Production: KurrentDB")';
  process.stderr.write(`Skipping the event-store contract against a real KurrentDB server: ${why}\n`);
  describe.skip(`KurrentDbEventStore on a real KurrentDB server, skipped: ${why}`, () => {
    it('passes the event-store contract', () => undefined);
  });
}
