import { chmod, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { calculateJwkThumbprint } from 'jose';
import { ConfigError } from '../../src/config.js';
import { createSigningKeyFile, localSigningKey } from '../../src/auth/tokens/local-signing-key.js';

const posix = process.platform !== 'win32';
const onPosix = posix ? it : it.skip;

let dataDir: string;
let file: string;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'plan-tracker-key-'));
  file = join(dataDir, 'nested', 'data', 'signing-key.json');
});

afterEach(() => rm(dataDir, { recursive: true, force: true }));

describe('the embedded signing key', () => {
  it('is made on first use, in a data directory made for it, named by its thumbprint', async () => {
    const key = await localSigningKey(file);
    const stored = JSON.parse(await readFile(file, 'utf8')) as Record<string, string>;
    expect(stored).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', kid: key.kid });
    expect(key.kid).toBe(await calculateJwkThumbprint(key.publicJwk));
    expect(key.publicJwk).not.toHaveProperty('d');
  });

  onPosix('is readable and writable by its owner only', async () => {
    await localSigningKey(file);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('is the same key when loaded again', async () => {
    const first = await localSigningKey(file);
    const second = await localSigningKey(file);
    expect(second.kid).toBe(first.kid);
    expect(second.publicJwk).toEqual(first.publicJwk);
  });

  it('is one key when many start at once, and no temporary file is left behind', async () => {
    const keys = await Promise.all(Array.from({ length: 8 }, () => localSigningKey(file)));
    const stored = JSON.parse(await readFile(file, 'utf8')) as { kid: string };
    expect(new Set(keys.map((key) => key.kid))).toEqual(new Set([stored.kid]));
    expect(await readdir(join(dataDir, 'nested', 'data'))).toEqual(['signing-key.json']);
  });

  it('is never replaced by a process that looked for it before it was made', async () => {
    const first = await localSigningKey(file);
    await createSigningKeyFile(file);
    expect((await localSigningKey(file)).kid).toBe(first.kid);
    expect(await readdir(join(dataDir, 'nested', 'data'))).toEqual(['signing-key.json']);
  });

  onPosix('is refused when other users can read it, saying how to fix it', async () => {
    await localSigningKey(file);
    await chmod(file, 0o640);
    const refusal = localSigningKey(file);
    await expect(refusal).rejects.toThrow(ConfigError);
    await expect(refusal).rejects.toThrow(`Run: chmod 600 ${file}`);
  });

  it('is refused, and left alone, when the file holds something else', async () => {
    await localSigningKey(file);
    await writeFile(file, '{"kty":"oct","k":"c2VjcmV0"}', { mode: 0o600 });
    await expect(localSigningKey(file)).rejects.toThrow('is not a signing key made by this application');
    expect(await readFile(file, 'utf8')).toBe('{"kty":"oct","k":"c2VjcmV0"}');
  });
});
