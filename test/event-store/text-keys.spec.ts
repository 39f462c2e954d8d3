import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KurrentDbTextKeys } from '../../src/event-store/sealed-text/kurrentdb-text-keys.js';
import { SqliteTextKeys } from '../../src/event-store/sealed-text/sqlite-text-keys.js';
import { TextErasedError, type TextKeys } from '../../src/event-store/sealed-text/text-keys.port.js';
import { newTextKey } from '../../src/event-store/sealed-text/text-seal.js';
import { rejectionOf } from '../support/event-store-contract/events.js';
import { KurrentDbDouble } from '../support/kurrentdb-double/kurrentdb-double.js';
import { TemporaryStoreFile } from './temporary-store-file.js';

let double: KurrentDbDouble;
beforeAll(async () => {
  double = await KurrentDbDouble.start();
});
afterAll(async () => {
  await double.close();
});

const id = () => `${randomUUID()}/text`;

describe.each([
  ['SQLite', () => SqliteTextKeys.open(join(new TemporaryStoreFile().directory, 'text-keys.db'))],
  ['KurrentDB (the double)', () => KurrentDbTextKeys.connect(double.connectionString)],
])('text keys on %s', (_name, open: () => TextKeys) => {
  let keys: TextKeys;
  beforeEach(() => {
    keys = open();
  });
  afterEach(() => keys.close());

  it('keeps the keys it is given and finds them again', async () => {
    const [a, b] = [id(), id()];
    const given = new Map([
      [a, newTextKey()],
      [b, newTextKey()],
    ]);
    expect(await keys.putMany(given)).toEqual(given);
    expect(await keys.getMany([a, b, id()])).toEqual(given);
  });

  it('keeps the first key of an id: putting it again gives that key back', async () => {
    const keyId = id();
    const first = newTextKey();
    await keys.putMany(new Map([[keyId, first]]));
    expect(await keys.putMany(new Map([[keyId, newTextKey()]]))).toEqual(new Map([[keyId, first]]));
  });

  it('destroys keys for good: they are not found, and cannot be put again', async () => {
    const [kept, destroyed] = [id(), id()];
    await keys.putMany(new Map([kept, destroyed].map((keyId) => [keyId, newTextKey()])));
    await keys.destroy([destroyed, id()]);
    expect([...(await keys.getMany([kept, destroyed])).keys()]).toEqual([kept]);
    const error = await rejectionOf(keys.putMany(new Map([[destroyed, newTextKey()]])));
    expect(error).toBeInstanceOf(TextErasedError);
    await keys.destroy([destroyed]);
  });
});

describe('text keys in SQLite, once destroyed', () => {
  it('leave no copy of their bytes in the key file or its log', async () => {
    const directory = new TemporaryStoreFile().directory;
    const keys = SqliteTextKeys.open(join(directory, 'text-keys.db'));
    const key = newTextKey();
    const others = new Map(Array.from({ length: 20 }, () => [id(), newTextKey()]));
    const keyId = id();
    await keys.putMany(new Map([[keyId, key], ...others]));
    const files = () => readdirSync(directory).map((file) => readFileSync(join(directory, file)));
    expect(files().some((bytes) => bytes.includes(key))).toBe(true);

    await keys.destroy([keyId]);

    expect(files().some((bytes) => bytes.includes(key))).toBe(false);
    expect((await keys.getMany([...others.keys()])).size).toBe(20);
    await keys.close();
  });
});
