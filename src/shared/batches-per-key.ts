/** A value waiting for its batch, and how to answer it. */
export interface Queued<T, R> {
  readonly value: T;
  resolve(result: R): void;
  reject(error: unknown): void;
}

/**
 * Handles one batch for a key. It answers every entry it was given, except those it hands back:
 * they go first into the key's next batch.
 */
export type BatchHandler<T, R> = (
  key: string,
  batch: readonly Queued<T, R>[],
) => Promise<readonly Queued<T, R>[] | undefined>;

/**
 * One batch at a time per key, in arrival order: what arrives while a key's batch is being handled
 * forms its next batch (at most maxBatch, the rest wait for the one after). Keys run alongside
 * each other. A key is forgotten as soon as its queue is empty, so memory follows the keys in use.
 */
export class BatchesPerKey<T, R> {
  private readonly queues = new Map<string, Queued<T, R>[]>();

  constructor(
    private readonly handle: BatchHandler<T, R>,
    private readonly maxBatch: number,
  ) {}

  run(key: string, value: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      const entry = { value, resolve, reject };
      const queue = this.queues.get(key);
      if (queue) {
        queue.push(entry);
        return;
      }
      this.queues.set(key, [entry]);
      void this.drain(key);
    });
  }

  private async drain(key: string): Promise<void> {
    const queue = this.queues.get(key)!;
    while (queue.length > 0) {
      const batch = queue.splice(0, this.maxBatch);
      try {
        const handedBack = await this.handle(key, batch);
        if (handedBack?.length) queue.unshift(...handedBack);
      } catch (error) {
        // Entries already answered ignore a second answer.
        for (const entry of batch) entry.reject(error);
      }
    }
    this.queues.delete(key);
  }
}
