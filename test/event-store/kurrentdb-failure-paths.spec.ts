import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import {
  StoreAccessDeniedError,
  StoreUnavailableError,
  type NewEvent,
  type SubscriptionMessage,
} from '../../src/event-store/event-store.port.js';
import { KurrentDbEventStore } from '../../src/event-store/kurrentdb/kurrentdb-event-store.js';
import type { KurrentDbEventStoreOptions } from '../../src/event-store/kurrentdb/settings.js';
import { newEvents, rejectionOf, testStreams } from '../support/event-store-contract/events.js';
import { KurrentDbDouble } from '../support/kurrentdb-double/kurrentdb-double.js';

const SHORT: KurrentDbEventStoreOptions = {
  retry: { initialDelayMs: 10, maxDelayMs: 100, budgetMs: 400, deadlineMs: 150 },
};

describe('KurrentDbEventStore when the server fails', () => {
  let double: KurrentDbDouble;
  const stores: KurrentDbEventStore[] = [];
  const open = () => {
    const store = KurrentDbEventStore.connect(double.connectionString, SHORT);
    stores.push(store);
    return store;
  };

  beforeAll(async () => {
    double = await KurrentDbDouble.start();
  });

  afterEach(async () => {
    double.denyAccess(false);
    double.clearAppendFaults();
    await Promise.all(stores.splice(0).map((store) => store.close()));
  });

  afterAll(async () => {
    await double.close();
  });

  it('gives up on an append the server never answers at the deadline, and reports it retryable', async () => {
    const store = open();
    const { stream } = testStreams();
    await store.append(stream('plan'), newEvents(1), 'no_stream');
    for (let fault = 0; fault < 10; fault += 1) double.failNextAppend('no-answer');
    const started = Date.now();
    const error = await rejectionOf(store.append(stream('plan'), newEvents(1), 0));
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect(Date.now() - started).toBeLessThan(1500);
    expect(await store.readStream(stream('plan'))).toHaveLength(1);
  });

  it('fails fast when access is denied, with a message that says what to grant', async () => {
    const store = open();
    const { stream } = testStreams();
    double.denyAccess();
    const started = Date.now();
    const error = await rejectionOf(store.append(stream('plan'), newEvents(1), 'no_stream'));
    expect(error).toBeInstanceOf(StoreAccessDeniedError);
    expect(String(error)).toMatch(/refused access .*\$all/);
    // No retry: well inside the 400 ms budget the server would otherwise be retried for.
    expect(Date.now() - started).toBeLessThan(300);
  });

  it('ends a subscription to $all refused access with that refusal, instead of retrying for ever', async () => {
    const store = open();
    double.denyAccess();
    const subscription = store.subscribeToAll({ streamPrefix: testStreams().prefix });
    const error = await rejectionOf(
      (async () => {
        for await (const message of subscription) void message;
      })(),
    );
    expect(error).toBeInstanceOf(StoreAccessDeniedError);
  });

  it("stores correlation under KurrentDB's reserved names and reads both those and older events back", async () => {
    const store = open();
    const { stream } = testStreams();
    const [event] = newEvents(1) as [NewEvent];
    await store.append(stream('plan'), [event], 'no_stream');
    const stored = double.log.events.find((record) => record.id === event.id)!;
    const storedMetadata = JSON.parse(Buffer.from(stored.customMetadata).toString('utf8')) as object;
    expect(storedMetadata).toMatchObject({
      $correlationId: event.metadata.correlationId,
      $causationId: event.metadata.causationId,
    });
    expect(storedMetadata).not.toHaveProperty('correlationId');

    // Written before the reserved names were used: the metadata as the port gave it.
    const older = { ...newEvents(1)[0]!, id: randomUUID() };
    double.log.append(stream('plan'), 0, [
      {
        id: older.id,
        type: older.type,
        contentType: 'application/json',
        data: Buffer.from(JSON.stringify(older.data)),
        customMetadata: Buffer.from(JSON.stringify(older.metadata)),
      },
    ]);
    const read = await store.readStream(stream('plan'));
    expect(read.map((recorded) => recorded.metadata)).toEqual([event.metadata, older.metadata]);
  });

  it('passes over a tombstone and an event that is not JSON, telling the subscriber', async () => {
    const store = open();
    const { prefix, stream } = testStreams();
    double.log.append(stream('poison'), 'no_stream', [
      {
        id: randomUUID(),
        type: 'ActionAdded',
        contentType: 'application/json',
        data: Buffer.from('{"cut short'),
        customMetadata: Buffer.from('{}'),
      },
    ]);
    await store.append(stream('deleted'), newEvents(1), 'no_stream');
    double.log.writeSystemRecord(stream('deleted'), '$streamDeleted', {}, Number.MAX_SAFE_INTEGER);
    await store.append(stream('after'), newEvents(1), 'no_stream');
    const messages: SubscriptionMessage[] = [];
    const subscription = store.subscribeToAll({ streamPrefix: prefix });
    for await (const message of subscription) {
      messages.push(message);
      if (message.kind === 'caughtUp') break;
    }
    const seen = messages.map((message) =>
      message.kind === 'skipped'
        ? message.skipped.reason
        : message.kind === 'event'
          ? message.event.stream
          : message.kind,
    );
    expect(seen).toEqual(['unreadable', stream('deleted'), 'tombstone', stream('after'), 'caughtUp']);
  });
});
