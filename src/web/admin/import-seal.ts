import { createHash, createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import type { PlanFile } from './plan-file-upload.js';

/** An import as previewed: the file, what it was asked to do, and what the dry run said it would record. */
export interface PreviewedImport {
  readonly planId: string | null;
  readonly file: PlanFile;
  readonly title: string | null;
  readonly effectiveDate: string | null;
  readonly acknowledgePersonalData: boolean;
  /** SHA-256 of the dry run's list of changes. */
  readonly changesDigest: string;
}

/** The dry run's changes in one digest: the confirm compares the plan's answer now with the one previewed. */
export const changesDigest = (changes: readonly { line: number | null; message: string }[]): string =>
  createHash('sha256').update(JSON.stringify(changes)).digest('base64url');

/**
 * Why a seal: the confirm step must record exactly the file the person looked at. The page keeps
 * no server-side state, so the file travels back in the confirm form; a SHA-256 alone could be
 * recomputed by whoever changed the form, but this HMAC needs a key that never leaves the server
 * (derived from the session key), and it names the session's CSRF token, so a preview from another
 * session (or another file, plan, title, date or acknowledgement) cannot be confirmed. That the
 * plan itself may have changed since is checked separately, by running the dry run again.
 */
export class ImportSeal {
  private readonly key: Buffer;

  constructor(sessionKey: Uint8Array) {
    this.key = Buffer.from(hkdfSync('sha256', sessionKey, new Uint8Array(0), 'web import preview', 32));
  }

  seal(sessionCsrf: string, previewed: PreviewedImport): string {
    return this.mac(sessionCsrf, previewed).toString('base64url');
  }

  matches(sessionCsrf: string, previewed: PreviewedImport, seal: string): boolean {
    const expected = this.mac(sessionCsrf, previewed);
    const given = Buffer.from(seal, 'base64url');
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  private mac(sessionCsrf: string, previewed: PreviewedImport): Buffer {
    const { planId, file, title, effectiveDate, acknowledgePersonalData, changesDigest } = previewed;
    const fileDigest = createHash('sha256').update(file.content).digest('base64url');
    const fields = [sessionCsrf, planId, file.fileName, file.format, fileDigest, title, effectiveDate];
    return createHmac('sha256', this.key)
      .update(JSON.stringify([...fields, acknowledgePersonalData, changesDigest]))
      .digest();
  }
}
