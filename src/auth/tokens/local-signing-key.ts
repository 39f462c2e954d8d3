import { randomUUID } from 'node:crypto';
import { link, mkdir, open, readFile, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import {
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  importJWK,
  type CryptoKey,
  type JWK,
} from 'jose';
import { ConfigError } from '../../config.js';

/** The key the embedded sign-in signs tokens with, and the public half that checks them. */
export interface LocalSigningKey {
  /** The JWK thumbprint of the key, carried in every token's header. */
  readonly kid: string;
  readonly privateKey: CryptoKey;
  /** The public key as a JWK with its kid, alg and use: what a verifier needs. */
  readonly publicJwk: JWK;
}

/**
 * The embedded signing key kept in `file`, made on first use. Two processes starting at once (the
 * server and `npm run token`, say) end up with the same key: the file is never overwritten.
 */
export async function localSigningKey(file: string): Promise<LocalSigningKey> {
  const existing = await readSigningKey(file);
  if (existing) return existing;
  await createSigningKeyFile(file);
  const created = await readSigningKey(file);
  if (!created) throw new Error(`The signing key ${file} vanished as it was made`);
  return created;
}

/**
 * Writes a new key to `file` unless one is there already: the slower of two processes that both found
 * no key keeps the faster one's, which may be signing tokens by now.
 */
export async function createSigningKeyFile(file: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  const jwk = await exportJWK(privateKey);
  const kid = await calculateJwkThumbprint(jwk);
  const content = `${JSON.stringify({ ...jwk, kid, alg: 'ES256', use: 'sig' }, null, 2)}\n`;
  // Written whole and flushed under a private name first, then linked into place: a reader never sees
  // half a key, and link (unlike rename) fails when the file exists, so the first key made wins.
  const temporary = `${file}.${process.pid}.${randomUUID()}.tmp`;
  const handle = await open(temporary, 'wx', 0o600);
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await link(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await rm(temporary, { force: true });
  }
}

async function readSigningKey(file: string): Promise<LocalSigningKey | undefined> {
  let text: string;
  try {
    await refuseIfOthersCanRead(file);
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const jwk = parseSigningKey(text);
  if (!jwk) {
    throw new ConfigError(
      `${file} is not a signing key made by this application. Move it away to make a new key ` +
        `(tokens signed with the old key then stop working)`,
    );
  }
  const { kty, crv, x, y, kid } = jwk;
  return {
    kid,
    privateKey: (await importJWK(jwk, 'ES256')) as CryptoKey,
    publicJwk: { kty, crv, x, y, kid, alg: 'ES256', use: 'sig' },
  };
}

/**
 * Refused rather than warned about, as ssh does with a private key: whoever can read this file can
 * make a token for any name and any role, ADMIN included, and a warning scrolls past in a log.
 * Windows has no such mode bits; there the folder's ACL is what protects the key.
 */
async function refuseIfOthersCanRead(file: string): Promise<void> {
  if (process.platform === 'win32') return;
  const { mode } = await stat(file);
  if ((mode & 0o077) !== 0) {
    throw new ConfigError(
      `The signing key ${file} can be read or changed by other users (mode ${(mode & 0o777).toString(8)}); ` +
        `whoever can read it can sign in as anyone. Run: chmod 600 ${file}`,
    );
  }
}

type SigningJwk = JWK & { kty: 'EC'; crv: 'P-256'; x: string; y: string; d: string; kid: string };

function parseSigningKey(text: string): SigningJwk | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const jwk = value as Record<string, unknown>;
  const complete =
    jwk.kty === 'EC' &&
    jwk.crv === 'P-256' &&
    ['x', 'y', 'd', 'kid'].every((member) => typeof jwk[member] === 'string' && jwk[member] !== '');
  return complete ? (jwk as SigningJwk) : undefined;
}
