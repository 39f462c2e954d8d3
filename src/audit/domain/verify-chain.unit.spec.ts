import { describe, expect, it } from '@jest/globals';
import { chainHash, chainHashes, GENESIS_HASH, type ChainLink } from './chain-hash.js';
import { verifyChain, versionWithHead, type AuditTrailVerification } from './verify-chain.js';

/** An event as a store returns it: any metadata. */
type Link = ChainLink & { readonly metadata: Readonly<Record<string, unknown>> };

/** An event as a store returns it, without a stored hash (as recorded before tamper evidence). */
const event = (revision: number, data: Record<string, unknown> = { note: `note ${revision}` }): Link => ({
  id: `event-${revision}`,
  type: 'ProgressNoteAdded',
  data,
  metadata: { recordedAt: `2024-05-0${(revision % 9) + 1}T10:00:00.000Z`, schemaVersion: 1 },
  revision,
});

const stream = (count: number, from = 0) => Array.from({ length: count }, (_, index) => event(from + index));

/** The events with their hashes stored, chained from the events before them (legacy or not). */
function hashed(before: readonly ChainLink[], events: readonly ChainLink[]): ChainLink[] {
  const hashes = chainHashes([...before, ...events]).slice(before.length);
  return events.map((link, index) => ({ ...link, metadata: { ...link.metadata, hash: hashes[index] } }));
}

const withMetadata = (link: Link, metadata: Record<string, unknown>): Link => ({
  ...link,
  metadata: { ...link.metadata, ...metadata },
});
const withData = (link: ChainLink, data: Record<string, unknown>): ChainLink => ({ ...link, data });
const withoutHash = ({ metadata: { hash: _hash, ...metadata }, ...link }: ChainLink): ChainLink => ({
  ...link,
  metadata,
});

const given = (...events: ChainLink[]) => ({
  whenVerified: () => ({
    then: (expected: Partial<AuditTrailVerification>) => expect(verifyChain(events)).toMatchObject(expected),
  }),
});

describe('verifyChain', () => {
  it('finds a hashed stream valid, every event checked, with the last event’s hash as head', () => {
    const events = hashed([], stream(4));
    given(...events)
      .whenVerified()
      .then({
        valid: true,
        eventsChecked: 4,
        headHash: events[3]?.metadata.hash as string,
        firstInvalidVersion: null,
      });
  });

  it('names the version of an event whose data was changed after it was stored', () => {
    const events = hashed([], stream(5));
    events[2] = withData(events[2]!, { note: 'rewritten' });
    given(...events)
      .whenVerified()
      .then({ valid: false, eventsChecked: 5, firstInvalidVersion: 3 });
  });

  it('still reports the head computed from what is stored when the chain is broken', () => {
    const events = hashed([], stream(3));
    const tampered = [events[0]!, withData(events[1]!, { note: 'rewritten' }), events[2]!];
    expect(verifyChain(tampered).headHash).toBe(chainHashes(tampered)[2]);
    expect(verifyChain(tampered).headHash).not.toBe(events[2]?.metadata.hash);
  });

  it('catches an event removed from the middle, at the event after it', () => {
    const events = hashed([], stream(4));
    given(events[0]!, events[1]!, events[3]!).whenVerified().then({ valid: false, firstInvalidVersion: 4 });
  });

  it('cannot see the last event removed: only a head recorded earlier shows that', () => {
    const events = hashed([], stream(4));
    given(...events.slice(0, 3))
      .whenVerified()
      .then({ valid: true, eventsChecked: 3 });
    expect(versionWithHead(events.slice(0, 3), events[3]?.metadata.hash as string)).toBeUndefined();
  });

  it('catches a stored hash that was removed after the chain began', () => {
    const events = hashed([], stream(3));
    given(events[0]!, withoutHash(events[1]!), events[2]!)
      .whenVerified()
      .then({ valid: false, firstInvalidVersion: 2 });
  });

  it('finds an empty stream valid, with nothing checked and the genesis hash as head', () => {
    given().whenVerified().then({ valid: true, eventsChecked: 0, headHash: GENESIS_HASH });
  });

  describe('with events recorded before tamper evidence', () => {
    it('finds legacy events alone valid but checks none of them', () => {
      given(...stream(3))
        .whenVerified()
        .then({ valid: true, eventsChecked: 0, firstInvalidVersion: null });
    });

    it('counts legacy events as checked once a hashed event follows them, since its hash commits to them', () => {
      const legacy = stream(3);
      given(...legacy, ...hashed(legacy, stream(2, 3)))
        .whenVerified()
        .then({ valid: true, eventsChecked: 5, firstInvalidVersion: null });
    });

    it('catches a legacy event edited after hashed events were recorded, at the first hashed event', () => {
      const legacy = stream(3);
      const later = hashed(legacy, stream(2, 3));
      given(legacy[0]!, withData(legacy[1]!, { note: 'rewritten' }), legacy[2]!, ...later)
        .whenVerified()
        .then({ valid: false, firstInvalidVersion: 4 });
    });
  });
});

describe('versionWithHead', () => {
  it('finds the version a recorded head belongs to, after the plan has moved on', () => {
    const events = hashed([], stream(6));
    expect(versionWithHead(events, events[3]?.metadata.hash as string)).toBe(4);
    expect(versionWithHead(events, (events[5]?.metadata.hash as string).toUpperCase())).toBe(6);
  });

  it('finds no version once an event up to the recorded point has changed', () => {
    const events = hashed([], stream(6));
    const recorded = events[3]?.metadata.hash as string;
    events[1] = withData(events[1]!, { note: 'rewritten' });
    expect(versionWithHead(events, recorded)).toBeUndefined();
  });
});

describe('chainHash', () => {
  it('commits to the hash before, the content and the position, but not to a stored hash', () => {
    const link = event(0);
    const base = chainHash(GENESIS_HASH, link);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(chainHash(GENESIS_HASH, withMetadata(link, { hash: 'anything' }))).toBe(base);
    expect(chainHash('f'.repeat(64), link)).not.toBe(base);
    expect(chainHash(GENESIS_HASH, { ...link, revision: 1 })).not.toBe(base);
    expect(chainHash(GENESIS_HASH, { ...link, type: 'RagStatusChanged' })).not.toBe(base);
    expect(chainHash(GENESIS_HASH, withMetadata(link, { actor: 'x' }))).not.toBe(base);
  });
});
