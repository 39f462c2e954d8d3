import { describeEventStoreContract } from '../support/event-store-contract.js';
import { TemporaryStoreFile } from './temporary-store-file.js';

describeEventStoreContract('SqliteEventStore', async () => {
  const file = new TemporaryStoreFile();
  return {
    store: file.open(),
    reopen: async () => file.open(),
    cleanup: () => file.remove(),
  };
});
