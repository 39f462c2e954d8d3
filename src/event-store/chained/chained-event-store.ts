import { chainHash, GENESIS_HASH } from '../../audit/domain/chain-hash.js';
import { verifyChain } from '../../audit/domain/verify-chain.js';
import type { AppendResult, ExpectedRevision, NewEvent, RecordedEvent } from '../event-store.port.js';
import { DelegatingEventStore } from '../delegating-event-store.js';
import { StreamHeads, type ChainHead } from './stream-heads.js';

/** Plans are few; a head costs ~200 bytes. */
const REMEMBERED_HEADS = 1000;

const BEFORE_FIRST_EVENT: ChainHead = { revision: -1, hash: GENESIS_HASH };

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
    const head = await this.headAt(stream, expected);
    const stamped = stampChain(head, events);
    try {
      const result = await this.inner.append(stream, stamped, expected);
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

  /**
   * The head the writer expects to follow. When the stream has no event at that revision the store
   * refuses the append (or answers it as a retry); it is stamped from where the stream really ends
   * all the same, so that no store could keep a wrong hash.
   */
  private async headAt(stream: string, expected: ExpectedRevision): Promise<ChainHead> {
    if (expected === 'no_stream') return BEFORE_FIRST_EVENT;
    const head = this.heads.recall(stream, expected) ?? (await this.storedHead(stream, expected));
    return head ?? headOf(await this.inner.readStream(stream));
  }

  /** The event at `revision` as a chain head, or undefined when the stream has no such event. */
  private async storedHead(stream: string, revision: number): Promise<ChainHead | undefined> {
    if (revision < 0) return undefined;
    const [event] = await this.inner.readStream(stream, { fromRevision: revision, maxCount: 1 });
    if (!event) return undefined;
    // Taken as stored rather than recomputed from the start on every append: a stored hash that
    // was tampered with is caught by verification either way.
    if (typeof event.metadata.hash === 'string') return { revision, hash: event.metadata.hash };
    // Recorded before tamper evidence: the first hashed event commits to every event before it.
    return headOf(await this.inner.readStream(stream, { maxCount: revision + 1 }));
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
