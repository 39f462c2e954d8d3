import {
  jsonEvent,
  KurrentDBClient,
  NO_STREAM,
  StreamDeletedError,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import { DEFAULT_RETRY_POLICY } from '../kurrentdb/settings.js';
import { asClientError, KurrentDbFailure, retryTransient } from '../kurrentdb/transient-failures.js';
import { TextErasedError, type TextKeys } from './text-keys.port.js';

/** Round trips in flight at once: a start-up looks up every key, one stream read each. */
const CONCURRENCY = 16;

const streamOf = (keyId: string) => `textKey-${keyId.replace('/', '-')}`;

/**
 * Text keys on the KurrentDB server the events are on: one stream per key, destroyed with a
 * tombstone, after which the stream reads as deleted and can never be written again. Keys are read
 * only stream by stream, never through $all, where a deleted stream's events stay readable until
 * the server scavenges them (see README.md beside this file).
 */
export class KurrentDbTextKeys implements TextKeys {
  private constructor(private readonly client: KurrentDBClient) {}

  static connect(connectionString: string): KurrentDbTextKeys {
    return new KurrentDbTextKeys(KurrentDBClient.connectionString(connectionString));
  }

  async putMany(keys: ReadonlyMap<string, Buffer>): Promise<Map<string, Buffer>> {
    const stored = await inTurns([...keys], async ([id, key]) => [id, await this.put(id, key)] as const);
    return new Map(stored);
  }

  async getMany(ids: readonly string[]): Promise<Map<string, Buffer>> {
    const found = await inTurns(ids, async (id) => [id, await this.get(id)] as const);
    return new Map(found.filter((entry): entry is [string, Buffer] => entry[1] !== undefined));
  }

  async destroy(ids: readonly string[]): Promise<void> {
    await inTurns(ids, (id) =>
      this.attempt(`destroy of ${id}`, async () => {
        try {
          await this.client.tombstoneStream(streamOf(id));
        } catch (error) {
          if (!(asClientError(error) instanceof StreamDeletedError)) throw error;
        }
      }),
    );
  }

  close(): Promise<void> {
    return this.client.dispose();
  }

  /** The new key, or the one stored first under this id (a retried append); none once destroyed. */
  private put(id: string, key: Buffer): Promise<Buffer> {
    return this.attempt(`write of ${id}`, async () => {
      try {
        const event = jsonEvent({ type: 'TextKeyIssued', data: { key: key.toString('base64') } });
        const result = await this.client.appendToStream(streamOf(id), event, { streamState: NO_STREAM });
        if (result.success) return key;
      } catch (error) {
        const failure = asClientError(error);
        if (failure instanceof StreamDeletedError) throw new TextErasedError(id);
        if (!(failure instanceof WrongExpectedVersionError)) throw error;
      }
      const stored = await this.get(id);
      if (!stored) throw new TextErasedError(id);
      return stored;
    });
  }

  private get(id: string): Promise<Buffer | undefined> {
    return this.attempt(`read of ${id}`, async () => {
      try {
        for await (const resolved of this.client.readStream(streamOf(id), { maxCount: 1 })) {
          const data = resolved.event?.data as { key?: unknown } | undefined;
          if (typeof data?.key === 'string') return Buffer.from(data.key, 'base64');
        }
        return undefined;
      } catch (error) {
        const failure = asClientError(error);
        if (failure instanceof StreamNotFoundError || failure instanceof StreamDeletedError) return undefined;
        throw error;
      }
    });
  }

  private async attempt<T>(operation: string, run: () => Promise<T>): Promise<T> {
    try {
      return await retryTransient(DEFAULT_RETRY_POLICY, run);
    } catch (error) {
      if (error instanceof TextErasedError) throw error;
      throw new KurrentDbFailure(`text key ${operation}`, error);
    }
  }
}

/** Maps every item, at most CONCURRENCY at a time, keeping their order. */
async function inTurns<T, R>(items: readonly T[], map: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < items.length; index = next++) results[index] = await map(items[index]!);
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, worker));
  return results;
}
