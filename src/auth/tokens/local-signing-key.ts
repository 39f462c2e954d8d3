import { readFile } from 'node:fs/promises';
import {
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  importJWK,
  type CryptoKey,
  type JWK,
} from 'jose';
import { ConfigError } from '../../config.js';
import { refuseIfOthersCanRead, writeNewPrivateFile } from '../../shared/private-file.js';

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
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  const jwk = await exportJWK(privateKey);
  const kid = await calculateJwkThumbprint(jwk);
  await writeNewPrivateFile(file, `${JSON.stringify({ ...jwk, kid, alg: 'ES256', use: 'sig' }, null, 2)}\n`);
}

async function readSigningKey(file: string): Promise<LocalSigningKey | undefined> {
  let text: string;
  try {
    await refuseIfOthersCanRead(file, 'can sign in as anyone');
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
