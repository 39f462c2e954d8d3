import { chainHash, GENESIS_HASH } from '../../audit/domain/chain-hash.js';
import { verifyChain } from '../../audit/domain/verify-chain.js';
import {
  WrongExpectedRevisionError,
  type AppendResult,
  type ExpectedRevision,
  type NewEvent,
  type RecordedEvent,
} from '../event-store.port.js';
import { DelegatingEventStore } from '../delegating-event-store.js';
import { StreamHeads, type ChainHead } from './stream-heads.js';

/** Plans are few; a head costs ~200 bytes. */
const REMEMBERED_HEADS = 1000;

/** Appends without a revision may lose to concurrent writers this many times in a row. */
const ATTEMPTS_WITHOUT_REVISION = 20;

const BEFORE_FIRST_EVENT: ChainHead = { revision: -1, hash: GENESIS_HASH };

/** Where new events continue the chain, and the expectation that lets the store keep them only there. */
interface Continuation {
  readonly head: ChainHead;
  readonly storeExpects: ExpectedRevision;
}

/**
 * Makes the log tamper-evident: every appended event gets, in metadata.hash, a SHA-256 chained to
 * the event before it in its stream (src/audit/domain/chain-hash.ts). It must wrap the adapter
 * directly, below any decorator that changes events, so the chain covers exactly what is stored.
 * Reads pass through unchanged, hashes included.
 *
 * New events are stamped as following one known event (revision r, hash h) and appended expecting
 * revision r, so the store keeps them only right after it: a lost race is the store's
 * WrongExpectedRevisionError, never a stored wrong hash or a forked chain.
 */
export class ChainedEventStore extends DelegatingEventStore {
  private readonly heads = new StreamHeads(REMEMBERED_HEADS);

  override async append(
    stream: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    // Appending nothing only checks the expectation: there is nothing to chain.
    if (events.length === 0) return this.inner.append(stream, events, expected);
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.appendChained(stream, events, expected);
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError) || expected === error.expected) throw error;
        // 'any' and 'stream_exists' leave the place to the store; we chose the end we read, and
        // another writer got there first. Nothing was stored: read the new end and try again.
        if (error.actual !== 'no_stream' && attempt < ATTEMPTS_WITHOUT_REVISION) continue;
        throw new WrongExpectedRevisionError(stream, expected, error.actual);
      }
    }
  }

  private async appendChained(
    stream: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    const { head, storeExpects } = await this.continuation(stream, events, expected);
    const stamped = stampChain(head, events);
    try {
      const result = await this.inner.append(stream, stamped, storeExpects);
      // A retry the store recognised answers where the original batch went. Where that is where we
      // stamped it, the batch is these events (event ids are idempotency keys), hashes and all.
      const last = stamped.at(-1)?.metadata.hash;
      if (last && result.nextExpectedRevision === head.revision + stamped.length) {
        this.heads.remember(stream, { revision: result.nextExpectedRevision, hash: last });
      }
      return result;
    } catch (error) {
      this.heads.forget(stream);
      throw error;
    }
  }

  private async continuation(
    stream: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
  ): Promise<Continuation> {
    if (expected === 'no_stream') return { head: BEFORE_FIRST_EVENT, storeExpects: expected };
    if (typeof expected === 'number') {
      const head = this.heads.recall(stream, expected) ?? (await this.storedHead(stream, expected));
      if (head) return { head, storeExpects: expected };
    }
    return this.currentHead(stream, events, expected);
  }

  /** The event at `revision` as a chain head, or undefined when the stream has no such event. */
  private async storedHead(stream: string, revision: number): Promise<ChainHead | undefined> {
    if (revision < 0) return undefined;
    const [event] = await this.inner.readStream(stream, { fromRevision: revision, toRevision: revision });
    if (!event) return undefined;
    // Taken as stored rather than recomputed from the start on every append: a stored hash that
    // was tampered with is caught by verification either way.
    if (typeof event.metadata.hash === 'string') return { revision, hash: event.metadata.hash };
    // Recorded before tamper evidence: the first hashed event commits to every event before it.
    return headOf(await this.inner.readStream(stream, { toRevision: revision }));
  }

  /** For 'any', 'stream_exists' or a revision the stream does not have: read where it really ends. */
  private async currentHead(
    stream: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
  ): Promise<Continuation> {
    const stored = await this.inner.readStream(stream);
    const head = headOf(stored);
    const storedIds = new Set(stored.map((event) => event.id));
    // A retry of stored events, or a reuse of stored ids: the store answers it and stores nothing.
    if (events.some((event) => storedIds.has(event.id))) return { head, storeExpects: 'any' };
    const exists = head.revision >= 0;
    if (typeof expected === 'number' || (expected === 'stream_exists' && !exists)) {
      throw new WrongExpectedRevisionError(stream, expected, exists ? head.revision : 'no_stream');
    }
    return { head, storeExpects: exists ? head.revision : 'no_stream' };
  }
}

/** The chain head after these events (a whole stream, or its start): the stored hash if any, else computed. */
function headOf(events: readonly RecordedEvent[]): ChainHead {
  const last = events.at(-1);
  if (!last) return BEFORE_FIRST_EVENT;
  const hash = typeof last.metadata.hash === 'string' ? last.metadata.hash : verifyChain(events).headHash;
  return { revision: last.revision, hash };
}

/** The events with their chain hashes, as the revisions after `head` (a caller's own `hash` is replaced). */
function stampChain(head: ChainHead, events: readonly NewEvent[]): NewEvent[] {
  let previous = head.hash;
  return events.map((event, offset) => {
    previous = chainHash(previous, { ...event, revision: head.revision + 1 + offset });
    return { ...event, metadata: { ...event.metadata, hash: previous } };
  });
}
