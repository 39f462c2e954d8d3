import type { Database } from './sqlite-driver.js';

/** Writes one write of a group inside the group's transaction; throws to refuse it. */
export type WriteOne<T, R> = (write: T) => R;

interface Waiting<T, R> {
  readonly write: T;
  readonly resolve: (result: R) => void;
  readonly reject: (error: unknown) => void;
}

type Outcome<R> = { readonly ok: true; readonly result: R } | { readonly ok: false; readonly error: unknown };

/**
 * Enough to share one fsync among many writers, few enough that one flush holds the event loop for
 * a few milliseconds only; the rest wait for the next turn.
 */
export const MAX_GROUP_SIZE = 256;

/**
 * Group commit: the writes (appends, text keys) of one event-loop turn, and those queued behind a
 * flush, are written in one IMMEDIATE transaction, so they share one commit and one fsync. Each
 * runs in its own savepoint, in arrival order, so it sees the data as the earlier writes of its
 * group left it and a refused write undoes only itself. No promise settles before the COMMIT has
 * returned; if the transaction fails as a whole (BEGIN busy past the timeout, COMMIT failing, a
 * disk error that ends the transaction), every write of the group is rejected with that error.
 */
export class GroupCommit<T, R> {
  private readonly queue: Waiting<T, R>[] = [];
  private scheduled: NodeJS.Immediate | undefined;
  private readonly writeGroup;
  private readonly writeInSavepoint;

  constructor(
    private readonly db: Database,
    writeOne: WriteOne<T, R>,
    /** Called once per committed group that stored or checked something. */
    private readonly onCommitted: () => void = () => undefined,
    private readonly maxGroupSize = MAX_GROUP_SIZE,
  ) {
    // Called inside the group's transaction, better-sqlite3 makes this a SAVEPOINT of its own.
    this.writeInSavepoint = db.transaction(writeOne);
    this.writeGroup = db.transaction((group: readonly Waiting<T, R>[]) =>
      group.map((append) => this.attempt(append)),
    );
  }

  /** Queues a write for the next group; settles once that group has committed (or failed). */
  enqueue(write: T): Promise<R> {
    return new Promise((resolve, reject) => {
      this.queue.push({ write, resolve, reject });
      this.scheduled ??= setImmediate(() => this.flushOneGroup());
    });
  }

  /** Writes everything queued now, group after group (before the database closes). */
  flushAll(): void {
    clearImmediate(this.scheduled);
    this.scheduled = undefined;
    while (this.queue.length > 0) this.commit(this.queue.splice(0, this.maxGroupSize));
  }

  private flushOneGroup(): void {
    this.scheduled = undefined;
    const group = this.queue.splice(0, this.maxGroupSize);
    if (this.queue.length > 0) this.scheduled = setImmediate(() => this.flushOneGroup());
    if (group.length > 0) this.commit(group);
  }

  private commit(group: readonly Waiting<T, R>[]): void {
    let outcomes: Outcome<R>[];
    try {
      outcomes = this.writeGroup.immediate(group);
    } catch (error) {
      for (const append of group) append.reject(error);
      return;
    }
    group.forEach((append, index) => {
      const outcome = outcomes[index]!;
      if (outcome.ok) append.resolve(outcome.result);
      else append.reject(outcome.error);
    });
    if (outcomes.some((outcome) => outcome.ok)) this.onCommitted();
  }

  private attempt(append: Waiting<T, R>): Outcome<R> {
    try {
      return { ok: true, result: this.writeInSavepoint(append.write) };
    } catch (error) {
      // Some errors (an I/O error, a full disk) make SQLite roll back the whole transaction: the
      // earlier appends of the group are gone too, so the group must fail rather than go on outside
      // any transaction (where each later statement would commit alone).
      if (!this.db.inTransaction) throw error;
      return { ok: false, error };
    }
  }
}
