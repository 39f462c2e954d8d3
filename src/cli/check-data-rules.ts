import type { ChainLink } from '../audit/domain/chain-hash.js';
import { verifyChain } from '../audit/domain/verify-chain.js';

/** One row of the events table, as stored: data and metadata still JSON text. */
export interface StoredEventRow {
  readonly position: bigint;
  readonly eventId: string;
  readonly stream: string;
  readonly revision: number;
  readonly type: string;
  readonly data: string;
  readonly metadata: string;
}

/** Something wrong in the store, said with where it is. */
export interface DataProblem {
  /** The file it was found in, for problems of the file rather than of one stream. */
  readonly file?: string;
  readonly stream?: string;
  readonly revision?: number;
  readonly message: string;
}

/**
 * What is wrong with one stream's events, given in revision order: revisions 0 to n-1 without
 * gaps, positions rising with revisions, data and metadata that parse as JSON objects, and the hash
 * chain (checked by the audit trail's own verifyChain, as `npm run verify` does).
 */
export function problemsInStream(stream: string, rows: readonly StoredEventRow[]): DataProblem[] {
  const problems: DataProblem[] = [];
  const links: ChainLink[] = [];
  let readable = true;
  rows.forEach((row, index) => {
    const at = { stream, revision: row.revision };
    const expected = index === 0 ? 0 : (rows[index - 1]?.revision ?? -1) + 1;
    if (row.revision > expected) {
      const missing = row.revision - 1 === expected ? `${expected}` : `${expected} to ${row.revision - 1}`;
      problems.push({ ...at, message: `revision ${missing} missing before it` });
    }
    const before = rows[index - 1];
    if (before !== undefined && row.position <= before.position) {
      problems.push({
        ...at,
        message: `position ${row.position} is not after position ${before.position} of revision ${before.revision}`,
      });
    }
    const data = jsonObject(row.data);
    const metadata = jsonObject(row.metadata);
    if (data === undefined) problems.push({ ...at, message: 'data is not a JSON object' });
    if (metadata === undefined) problems.push({ ...at, message: 'metadata is not a JSON object' });
    if (data === undefined || metadata === undefined) readable = false;
    else links.push({ id: row.eventId, type: row.type, data, metadata, revision: row.revision });
  });
  // An event that cannot be read cannot be hashed: its JSON problem is the finding, not the chain.
  if (readable) problems.push(...chainProblems(stream, links));
  return problems;
}

function chainProblems(stream: string, links: readonly ChainLink[]): DataProblem[] {
  const { valid, firstInvalidVersion } = verifyChain(links);
  if (valid || firstInvalidVersion === null) return [];
  // verifyChain names the version (revision + 1), as a plan's version counts from 1.
  return [
    {
      stream,
      revision: firstInvalidVersion - 1,
      message: `audit hash chain broken here (version ${firstInvalidVersion}): the stored hash does not match the event as stored`,
    },
  ];
}

function jsonObject(text: string): Readonly<Record<string, unknown>> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
