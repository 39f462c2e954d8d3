export interface Backoff {
  /** The ceiling of the first delay; it doubles with every attempt up to maxDelayMs. */
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
}

/**
 * Exponential back-off with full jitter (a random delay up to the current ceiling): writers that
 * failed together do not all come back together, which is what makes them collide again.
 */
export function jitteredDelay(backoff: Backoff, attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(backoff.initialDelayMs * 2 ** Math.max(attempt - 1, 0), backoff.maxDelayMs);
  return Math.round(random() * ceiling);
}
