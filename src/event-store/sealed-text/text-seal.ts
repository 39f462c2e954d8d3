import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/** How a sealed text is stored in the event's data, in place of the text. */
export interface SealedText {
  /** base64 of nonce (12 bytes) ‖ GCM tag (16 bytes) ‖ ciphertext. */
  readonly sealed: string;
  readonly keyId: string;
}

const NONCE_BYTES = 12;
const TAG_BYTES = 16;

export const newTextKey = (): Buffer => randomBytes(32);

export function isSealedText(value: unknown): value is SealedText {
  const candidate = value as Partial<SealedText> | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.sealed === 'string' &&
    typeof candidate.keyId === 'string'
  );
}

/**
 * AES-256-GCM under the text's own key, with the key id (event id and field) as associated data, so
 * a sealed value copied to another event or field does not open. The nonce is derived from the key
 * and the text (as in SIV): a key seals one text, so no nonce is ever used for two different
 * texts, and a retried append seals identically, which the stores' idempotency checks rely on.
 */
export function sealText(text: string, key: Buffer, keyId: string): SealedText {
  const nonce = createHmac('sha256', key)
    .update(keyId)
    .update('\0')
    .update(text)
    .digest()
    .subarray(0, NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce).setAAD(Buffer.from(keyId));
  const ciphertext = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return { sealed: Buffer.concat([nonce, cipher.getAuthTag(), ciphertext]).toString('base64'), keyId };
}

/** The text, or an error when the sealed value or the key was altered (GCM authenticates both). */
export function openSealedText({ sealed, keyId }: SealedText, key: Buffer): string {
  const bytes = Buffer.from(sealed, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, NONCE_BYTES)).setAAD(
    Buffer.from(keyId),
  );
  decipher.setAuthTag(bytes.subarray(NONCE_BYTES, NONCE_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(bytes.subarray(NONCE_BYTES + TAG_BYTES)), decipher.final()]).toString(
    'utf8',
  );
}
