/** Gives a slot back; calling it twice gives back one slot only. */
export type Release = () => void;

/** Starts a timer and returns what cancels it (setTimeout in production, a manual clock in tests). */
export type Schedule = (ms: number, run: () => void) => () => void;

/** An append waited for a slot until the time budget ran out: the store is too busy, try later. */
export class InFlightWaitExpired extends Error {
  constructor(waitedMs: number) {
    super(`no free slot for an append within ${waitedMs} ms`);
    this.name = 'InFlightWaitExpired';
  }
}

interface Waiter {
  readonly grant: (release: Release) => void;
  cancelTimer: () => void;
}

const realTimers: Schedule = (ms, run) => {
  const timer = setTimeout(run, ms);
  return () => clearTimeout(timer);
};

/**
 * At most `capacity` operations at once; the rest wait their turn in arrival order (FIFO), each no
 * longer than it is told. Back-pressure for appends: a server asked for more than it can take at
 * once refuses the excess, and writers retrying together only collide again.
 */
export class InFlightLimit {
  private running = 0;
  private readonly waiting: Waiter[] = [];

  constructor(
    readonly capacity: number,
    private readonly schedule: Schedule = realTimers,
  ) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`An in-flight limit needs a capacity of at least 1, got ${capacity}`);
    }
  }

  /** Operations holding a slot now. */
  get inFlight(): number {
    return this.running;
  }

  /** Operations waiting for a slot now. */
  get queued(): number {
    return this.waiting.length;
  }

  /**
   * A slot, at once when one is free, else when every operation queued before this one has had
   * its turn; rejects with InFlightWaitExpired after `maxWaitMs` without one.
   */
  acquire(maxWaitMs: number): Promise<Release> {
    if (this.running < this.capacity && this.waiting.length === 0) {
      this.running += 1;
      return Promise.resolve(this.releaser());
    }
    return new Promise<Release>((resolve, reject) => {
      const waiter: Waiter = { grant: resolve, cancelTimer: () => undefined };
      this.waiting.push(waiter);
      waiter.cancelTimer = this.schedule(Math.max(maxWaitMs, 0), () => {
        const index = this.waiting.indexOf(waiter);
        if (index < 0) return;
        this.waiting.splice(index, 1);
        reject(new InFlightWaitExpired(maxWaitMs));
      });
    });
  }

  private releaser(): Release {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (!next) {
        this.running -= 1;
        return;
      }
      // The slot passes straight to the next in line: no newcomer can slip in between.
      next.cancelTimer();
      next.grant(this.releaser());
    };
  }
}
