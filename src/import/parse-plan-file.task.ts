import type { OffLoopTask } from '../shared/off-loop/off-loop.js';
import { IMPORT_READ_LIMITS } from './import-limits.js';
import { parsePlanDocument, type ParseOutcome, type PlanDocumentInput } from './parse/parse-plan-document.js';

/**
 * Reading an uploaded plan file into a PlanDocument, in a worker thread: an XLSX is inflated and
 * built in memory by synchronous code, seconds for a large one, which on the event loop stalled
 * every other request. The caps are in import-limits.ts.
 */
export const parsePlanFile: OffLoopTask<PlanDocumentInput, ParseOutcome> = {
  name: 'Reading the file',
  moduleUrl: import.meta.url,
  exportName: 'parsePlanFile',
  // In a worker the bytes arrive as a plain Uint8Array: the parsers read them as a Buffer.
  run: (input) =>
    parsePlanDocument({
      ...input,
      content: Buffer.from(input.content.buffer, input.content.byteOffset, input.content.byteLength),
    }),
  limits: IMPORT_READ_LIMITS,
};
