import { createHash } from 'node:crypto';
import { canonicalJson } from '../shared/canonical-json.js';
import type { ImportRequest } from './import.service.js';

const sha256 = (content: string | Buffer): string => createHash('sha256').update(content).digest('hex');

/**
 * What an import asks, for telling a resent import from another one under the same key: its
 * commands cannot say (they are worked out from the plan, with new ids each time).
 */
export function importFingerprint(request: ImportRequest, fileName: string): string {
  return sha256(
    canonicalJson({
      change: 'ImportPlan',
      content: sha256(request.content),
      fileName,
      format: request.format ?? null,
      planId: request.planId ?? null,
      title: request.title ?? null,
      effectiveDate: request.effectiveDate ?? null,
      acknowledgePersonalData: request.acknowledgePersonalData === true,
    }),
  );
}
