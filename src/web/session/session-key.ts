import { createHash, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError } from '../../config.js';
import { refuseIfOthersCanRead, writeNewPrivateFile } from '../../shared/private-file.js';

export const SESSION_KEY_FILE_NAME = 'session-key';
const MIN_SECRET_BYTES = 32;

/**
 * The 256-bit key that seals session cookies. SESSION_SECRET (base64, at least 32 bytes) when
 * several instances must read each other's cookies; otherwise a key kept in the data directory,
 * made on first start.
 */
export async function loadSessionKey(dataDir: string, secret: string | undefined): Promise<Uint8Array> {
  if (secret !== undefined && secret.trim() !== '') return keyFromSecret(secret.trim());
  const file = join(dataDir, SESSION_KEY_FILE_NAME);
  const existing = await readKeyFile(file);
  if (existing) return existing;
  await writeNewPrivateFile(file, `${randomBytes(32).toString('base64')}\n`);
  const created = await readKeyFile(file);
  if (!created) throw new Error(`The session key ${file} vanished as it was made`);
  return created;
}

function keyFromSecret(secret: string): Uint8Array {
  const bytes = Buffer.from(secret, 'base64');
  if (bytes.length < MIN_SECRET_BYTES) {
    throw new ConfigError(
      `SESSION_SECRET must be at least ${MIN_SECRET_BYTES} random bytes in base64 (openssl rand -base64 32)`,
    );
  }
  // Hashed so that a longer secret still gives exactly the 256 bits A256GCM takes.
  return new Uint8Array(createHash('sha256').update(bytes).digest());
}

async function readKeyFile(file: string): Promise<Uint8Array | undefined> {
  let text: string;
  try {
    await refuseIfOthersCanRead(file, 'can forge anyone’s session on the web pages');
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== 32) {
    throw new ConfigError(
      `${file} is not a session key made by this application. Move it away to make a new one`,
    );
  }
  return new Uint8Array(key);
}
