import { describe, expect, it } from '@jest/globals';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSessionKey } from './session-key.js';

describe('the key that seals session cookies', () => {
  it('is made once in the data directory, readable by this user only, and kept', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'session-key-'));
    try {
      const [first, second] = await Promise.all([
        loadSessionKey(dataDir, undefined),
        loadSessionKey(dataDir, ''),
      ]);
      expect(first).toHaveLength(32);
      expect(second).toEqual(first);
      expect((await stat(join(dataDir, 'session-key'))).mode & 0o777).toBe(0o600);
      expect(await loadSessionKey(dataDir, undefined)).toEqual(first);
      expect((await readFile(join(dataDir, 'session-key'), 'utf8')).trim()).toHaveLength(44);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('comes from SESSION_SECRET when several instances must share sessions', async () => {
    const secret = Buffer.alloc(48, 7).toString('base64');
    const key = await loadSessionKey('/nonexistent', secret);
    expect(key).toHaveLength(32);
    expect(await loadSessionKey('/elsewhere', secret)).toEqual(key);
  });

  it('refuses a SESSION_SECRET shorter than 32 bytes, saying how to make one', async () => {
    await expect(loadSessionKey('/nonexistent', Buffer.alloc(16).toString('base64'))).rejects.toThrow(
      'openssl rand -base64 32',
    );
  });
});
