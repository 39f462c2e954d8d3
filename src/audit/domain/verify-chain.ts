import { chainHashes, GENESIS_HASH, type ChainLink } from './chain-hash.js';

/** What checking a stream's hash chain found. Versions count events from 1, as a plan's version does. */
export interface AuditTrailVerification {
  /** Every stored hash matches, and no event after the first hashed one lacks its hash. */
  readonly valid: boolean;
  /**
   * Events a stored hash commits to: every event up to the last one that carries a hash (events
   * recorded before tamper evidence included). 0 when no event carries one yet.
   */
  readonly eventsChecked: number;
  /** The hash computed for the last event (GENESIS_HASH for no events), whatever is stored. */
  readonly headHash: string;
  /** The first event whose stored hash does not match what its content and position give. */
  readonly firstInvalidVersion: number | null;
}

/**
 * Recomputes the chain from the first event, legacy events (no stored hash) included, and compares
 * with the stored hash wherever there is one. Legacy events can only come before the first hashed
 * event: once the chain has begun, an event without a hash is one whose hash was removed.
 */
export function verifyChain(links: readonly ChainLink[]): AuditTrailVerification {
  const computed = chainHashes(links);
  let chainBegun = false;
  let eventsChecked = 0;
  let firstInvalidVersion: number | null = null;
  links.forEach((link, index) => {
    const stored = link.metadata.hash;
    const fits = link.revision === index && (stored === undefined ? !chainBegun : stored === computed[index]);
    if (stored !== undefined) {
      chainBegun = true;
      eventsChecked = index + 1;
    }
    if (!fits && firstInvalidVersion === null) firstInvalidVersion = link.revision + 1;
  });
  return {
    valid: firstInvalidVersion === null,
    eventsChecked,
    headHash: computed.at(-1) ?? GENESIS_HASH,
    firstInvalidVersion,
  };
}

/**
 * The version whose computed hash is `hash` (a head recorded earlier, say in a board's minutes), or
 * undefined when none is: then some event up to the recorded point was changed or removed since.
 */
export function versionWithHead(links: readonly ChainLink[], hash: string): number | undefined {
  const index = chainHashes(links).indexOf(hash.trim().toLowerCase());
  return index === -1 ? undefined : index + 1;
}
