import { createHash } from 'node:crypto';
import { canonicalJson } from '../../shared/canonical-json.js';

/** What an event's hash commits to, besides the hash of the event before it. */
export interface ChainLink {
  readonly id: string;
  readonly type: string;
  readonly data: unknown;
  /** Everything in it but `hash` is committed to: the hash cannot cover itself. */
  readonly metadata: { readonly hash?: unknown };
  /** 0-based position in the stream, so moving or renumbering an event breaks the chain too. */
  readonly revision: number;
}

/** The "hash before" a stream's first event. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * SHA-256 (hex) of the canonical JSON of { previousHash, id, type, revision, data, metadata }.
 * Each hash depends on every event before it in the stream, so changing, removing or reordering
 * any of them changes every later hash, the head's included.
 */
export function chainHash(previousHash: string, link: ChainLink): string {
  const { hash: _itself, ...metadata } = link.metadata;
  const committed = {
    previousHash,
    id: link.id,
    type: link.type,
    revision: link.revision,
    data: link.data,
    metadata,
  };
  return createHash('sha256').update(canonicalJson(committed), 'utf8').digest('hex');
}

/** The chain hash of each event, from the start of the stream, whatever hashes are stored. */
export function chainHashes(links: readonly ChainLink[]): string[] {
  let previous = GENESIS_HASH;
  return links.map((link) => {
    previous = chainHash(previous, link);
    return previous;
  });
}
