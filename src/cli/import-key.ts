import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { importFingerprint } from '../import/import-fingerprint.js';
import type { ImportRequest } from '../import/import.service.js';
import { canonicalJson } from '../shared/canonical-json.js';

/**
 * The Idempotency-Key the command line sends: one per file and options, so running the same
 * import again after a crash finds the first one instead of making a second new plan. Into an
 * existing plan, the plan's version is part of it: the same file run again once the plan has
 * moved on is a new import (it brings the plan back in line with the file), not a repeat.
 */
export function cliImportKey(request: ImportRequest, planVersion: number | undefined): string {
  const asked = {
    import: importFingerprint(request, basename(request.fileName)),
    planVersion: planVersion ?? null,
  };
  return `import-${createHash('sha256').update(canonicalJson(asked), 'utf8').digest('hex')}`;
}
