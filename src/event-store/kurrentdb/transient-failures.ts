import { setTimeout as sleep } from 'node:timers/promises';
import {
  CancelledError,
  DeadlineExceededError,
  NotLeaderError,
  UnavailableError,
} from '@kurrent/kurrentdb-client';
import type { RetryPolicy } from './settings.js';

/**
 * Failures after which trying again may succeed: the server is unreachable or restarting, it gave
 * up waiting, or leadership moved (the client reconnects to the new leader on the next call).
 */
export function isTransient(error: unknown): boolean {
  return (
    error instanceof UnavailableError ||
    error instanceof DeadlineExceededError ||
    error instanceof CancelledError ||
    error instanceof NotLeaderError
  );
}

export function backoffDelay(policy: RetryPolicy, failures: number): number {
  return Math.min(policy.initialDelayMs * 2 ** Math.max(failures - 1, 0), policy.maxDelayMs);
}

/**
 * Runs an operation again after transient failures. Safe for appends too: a retry carries the same
 * event ids, so an append that was stored before its answer was lost is recognised, not repeated.
 */
export async function retryTransient<T>(policy: RetryPolicy, operation: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await operation();
    } catch (error) {
      if (!isTransient(error) || attempt >= policy.attempts) throw error;
      await sleep(backoffDelay(policy, attempt));
    }
  }
}

export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.message ? `${error.constructor.name}: ${error.message}` : error.constructor.name;
}
