import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  jsonEvent,
  KurrentDBClient,
  NO_STREAM,
  StreamDeletedError,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import { KurrentDbDouble } from '../support/kurrentdb-double/kurrentdb-double.js';
import { rejectionOf } from '../support/event-store-contract/events.js';

const note = (text: string) => jsonEvent({ type: 'NoteTaken', data: { text } });

async function read(client: KurrentDBClient, stream: string): Promise<unknown[]> {
  const texts: unknown[] = [];
  for await (const resolved of client.readStream(stream))
    texts.push((resolved.event?.data as { text: string }).text);
  return texts;
}

// What the official client sees when the double deletes streams (see its README).
describe.each([true, false])('deleting streams on the KurrentDB double (BatchAppend %s)', (batchAppend) => {
  let double: KurrentDbDouble;
  let client: KurrentDBClient;
  let count = 0;
  const newStream = () => `deletion-${batchAppend}-${(count += 1)}`;

  beforeAll(async () => {
    double = await KurrentDbDouble.start({ batchAppend });
    client = KurrentDBClient.connectionString(double.connectionString);
  });

  afterAll(async () => {
    await client.dispose();
    await double.close();
  });

  it('reads a deleted stream as not found, while $all keeps its events until a scavenge', async () => {
    const stream = newStream();
    await client.appendToStream(stream, [note('one'), note('two')]);
    await client.deleteStream(stream);
    expect(await rejectionOf(read(client, stream))).toBeInstanceOf(StreamNotFoundError);
    expect(
      double.log.events.filter((event) => event.stream === stream && event.type === 'NoteTaken'),
    ).toHaveLength(2);
    expect(
      double.log.events.some((event) => event.stream === `$$${stream}` && event.type === '$metadata'),
    ).toBe(true);
  });

  it('writes a deleted stream again on the next append, its revisions carrying on', async () => {
    const stream = newStream();
    await client.appendToStream(stream, [note('one'), note('two')]);
    await client.deleteStream(stream);
    const result = await client.appendToStream(stream, note('three'), { streamState: NO_STREAM });
    expect(result.nextExpectedRevision).toBe(2n);
    expect(await read(client, stream)).toEqual(['three']);
  });

  it('reads a tombstoned stream as deleted, and refuses to write it again', async () => {
    const stream = newStream();
    await client.appendToStream(stream, note('one'));
    await client.tombstoneStream(stream);
    expect(await rejectionOf(read(client, stream))).toBeInstanceOf(StreamDeletedError);
    expect(await rejectionOf(client.appendToStream(stream, note('two')))).toBeInstanceOf(StreamDeletedError);
    expect(await rejectionOf(client.tombstoneStream(stream))).toBeInstanceOf(StreamDeletedError);
  });

  it('tombstones a stream that never existed, so it can never be written', async () => {
    const stream = newStream();
    await client.tombstoneStream(stream);
    expect(await rejectionOf(client.appendToStream(stream, note('one')))).toBeInstanceOf(StreamDeletedError);
  });

  it('checks the expected revision of a deletion', async () => {
    const stream = newStream();
    await client.appendToStream(stream, note('one'));
    const error = await rejectionOf(client.deleteStream(stream, { expectedRevision: 5n }));
    expect(error).toBeInstanceOf(WrongExpectedVersionError);
    expect(error).toMatchObject({ streamName: stream, expectedState: 5n, actualState: 0n });
    expect(await read(client, stream)).toEqual(['one']);
  });
});
