interface Waiter {
  readonly position: bigint;
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
}

/** Requests waiting for the read side to reach a store position, each with its own deadline. */
export class PositionWaiters {
  private reached = -1n;
  private waiters: Waiter[] = [];

  get position(): bigint {
    return this.reached;
  }

  waitFor(position: bigint, deadlineMs: number, late: () => Error): Promise<void> {
    if (this.reached >= position) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((waiter) => waiter !== entry);
        reject(late());
      }, deadlineMs);
      const entry: Waiter = {
        position,
        resolve: () => (clearTimeout(timer), resolve()),
        reject: (error) => (clearTimeout(timer), reject(error)),
      };
      this.waiters.push(entry);
    });
  }

  advanceTo(position: bigint): void {
    if (position <= this.reached) return;
    this.reached = position;
    if (this.waiters.length === 0) return;
    const due = this.waiters.filter((waiter) => waiter.position <= position);
    if (due.length === 0) return;
    this.waiters = this.waiters.filter((waiter) => waiter.position > position);
    due.forEach((waiter) => waiter.resolve());
  }

  failAll(error: Error): void {
    const all = this.waiters;
    this.waiters = [];
    all.forEach((waiter) => waiter.reject(error));
  }
}
