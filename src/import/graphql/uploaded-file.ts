import { invalid } from '../../plans/domain/errors.js';
import { tooLargeProblem } from '../import-report.js';
import type { ImportProblem } from '../plan-document.js';
import { MAX_IMPORT_BYTES } from '../parse/parse-plan-document.js';
import type { ImportFormat } from './import.types.js';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export type UploadedFile = { readonly content: Buffer } | { readonly tooLarge: ImportProblem };

/**
 * The file's bytes from the text or base64 the client sent. An oversize file is refused from its
 * length alone, before anything is decoded or copied.
 */
export function uploadedFile(input: {
  format: ImportFormat;
  text?: string | null;
  base64?: string | null;
}): UploadedFile {
  const { format, text, base64 } = input;
  const hasText = text !== undefined && text !== null;
  const hasBase64 = base64 !== undefined && base64 !== null;
  if (hasText === hasBase64) {
    throw invalid(
      hasText ? 'base64' : 'text',
      'Give the file either as text or as base64 (exactly one of them)',
    );
  }
  if (hasText) {
    if (format === 'XLSX') throw invalid('text', 'An XLSX file is binary: send it as base64');
    const bytes = Buffer.byteLength(text);
    return bytes > MAX_IMPORT_BYTES
      ? { tooLarge: tooLargeProblem(bytes, MAX_IMPORT_BYTES) }
      : { content: Buffer.from(text, 'utf8') };
  }
  const compact = base64!.replace(/\s+/g, '');
  if (compact.length % 4 !== 0 || !BASE64.test(compact)) {
    throw invalid('base64', 'base64 must be standard base64 (A-Z, a-z, 0-9, + and /, padded with =)');
  }
  const bytes = (compact.length / 4) * 3 - (compact.endsWith('==') ? 2 : compact.endsWith('=') ? 1 : 0);
  return bytes > MAX_IMPORT_BYTES
    ? { tooLarge: tooLargeProblem(bytes, MAX_IMPORT_BYTES) }
    : { content: Buffer.from(compact, 'base64') };
}
