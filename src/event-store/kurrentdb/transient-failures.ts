import { setTimeout as sleep } from 'node:timers/promises';
import {
  CancelledError,
  convertToCommandError,
  DeadlineExceededError,
  NotLeaderError,
  UnavailableError,
} from '@kurrent/kurrentdb-client';
import type { RetryPolicy } from './settings.js';

/**
 * Failures after which trying again may succeed: the server is unreachable or restarting, it gave
 * up waiting, or leadership moved (the client reconnects to the new leader on the next call).
 */
export function isTransient(failure: unknown): boolean {
  const error = asClientError(failure);
  return (
    error instanceof UnavailableError ||
    error instanceof DeadlineExceededError ||
    error instanceof CancelledError ||
    error instanceof NotLeaderError
  );
}

/** Some client paths reject with the raw gRPC error; the client's own conversion names it. */
export function asClientError(error: unknown): unknown {
  return error instanceof Error ? convertToCommandError(error) : error;
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

/**
 * The store could not do what was asked (unreachable after the retries, access refused, an event it
 * cannot read). The client's own error is the cause: callers never need the client's classes.
 */
export class KurrentDbFailure extends Error {
  constructor(operation: string, cause: unknown) {
    super(`KurrentDB ${operation} failed: ${describeError(asClientError(cause))}`, { cause });
    this.name = 'KurrentDbFailure';
  }
}
