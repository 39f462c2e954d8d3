/** An event of a stream as the next event's "hash before": its revision and its chain hash. */
export interface ChainHead {
  /** -1 before a stream's first event. */
  readonly revision: number;
  readonly hash: string;
}

/**
 * The last chain head this process saw for each stream, the most recently used `capacity` of them,
 * so that appending after our own append needs no read. An entry is a fact about one event (events
 * never change), not a claim that it is still the last: that is for the store's expected-revision
 * check to decide.
 */
export class StreamHeads {
  private readonly heads = new Map<string, ChainHead>();

  constructor(private readonly capacity: number) {}

  /** The remembered head, if it is the event at this revision. */
  recall(stream: string, revision: number): ChainHead | undefined {
    const head = this.heads.get(stream);
    if (head?.revision !== revision) return undefined;
    this.remember(stream, head);
    return head;
  }

  remember(stream: string, head: ChainHead): void {
    // A Map iterates in insertion order: re-inserting keeps the least recently used first.
    this.heads.delete(stream);
    this.heads.set(stream, head);
    if (this.heads.size <= this.capacity) return;
    const [leastRecent] = this.heads.keys();
    if (leastRecent !== undefined) this.heads.delete(leastRecent);
  }

  forget(stream: string): void {
    this.heads.delete(stream);
  }
}
