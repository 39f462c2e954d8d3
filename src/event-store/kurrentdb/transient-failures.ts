import { setTimeout as sleep } from 'node:timers/promises';
import {
  AccessDeniedError,
  CancelledError,
  convertToCommandError,
  DeadlineExceededError,
  NotLeaderError,
  UnavailableError,
} from '@kurrent/kurrentdb-client';
import { jitteredDelay } from '../backoff.js';
import { StoreAccessDeniedError, StoreUnavailableError } from '../event-store.port.js';
import { InFlightWaitExpired } from './in-flight-limit.js';
import type { RetryPolicy } from './settings.js';

/**
 * Failures after which trying again may succeed: the server is unreachable, restarting or too
 * busy, it gave up waiting, or leadership moved (the client reconnects to the new leader on the
 * next call).
 */
export function isTransient(failure: unknown): boolean {
  const error = asClientError(failure);
  return (
    error instanceof UnavailableError ||
    error instanceof DeadlineExceededError ||
    error instanceof CancelledError ||
    error instanceof NotLeaderError ||
    error instanceof CallDeadlineExceeded ||
    error instanceof InFlightWaitExpired ||
    isServerBusy(error)
  );
}

const RESOURCE_EXHAUSTED = 8;

/**
 * The server (or the HTTP/2 layer in front of it) refused the call for now. gRPC RESOURCE_EXHAUSTED
 * has no class in the client: it arrives raw or as an UnknownError keeping the code; grpc-js also
 * reports an HTTP/2 ENHANCE_YOUR_CALM reset with it. A message over the size limit shares the code
 * but fails again however often it is sent. A busy server answers a BatchAppend batch with a
 * status of no code and a message the client wraps as "Could not recognize Server Is Busy".
 */
export function isServerBusy(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (code === RESOURCE_EXHAUSTED) return !/message larger than max/i.test(error.message);
  return /^Could not recognize Server Is (Busy|Not Ready)$/.test(error.message);
}

/** The server did not answer within the deadline of one call. */
export class CallDeadlineExceeded extends Error {
  constructor(deadlineMs: number) {
    super(`no answer within ${deadlineMs} ms`);
    this.name = 'CallDeadlineExceeded';
  }
}

/**
 * The deadline of one append, kept here as well as handed to the client: BatchAppend shares one
 * long-lived call between appends and only asks the server to honour a deadline. An append given
 * up on may still be stored; its retry carries the same ids.
 */
export async function withDeadline<T>(deadlineMs: number, operation: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const running = operation();
  running.catch(() => undefined);
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CallDeadlineExceeded(deadlineMs)), deadlineMs);
  });
  try {
    return await Promise.race([running, expired]);
  } finally {
    clearTimeout(timer);
  }
}

/** The server refused our user (gRPC PERMISSION_DENIED or UNAUTHENTICATED): retrying cannot help. */
export function isAccessDenied(failure: unknown): boolean {
  return asClientError(failure) instanceof AccessDeniedError;
}

/** Some client paths reject with the raw gRPC error; the client's own conversion names it. */
export function asClientError(error: unknown): unknown {
  return error instanceof Error ? convertToCommandError(error) : error;
}

/**
 * Runs an operation again after transient failures, with jittered exponential back-off, until the
 * policy's time budget is spent. Safe for appends too: a retry carries the same event ids, so an
 * append that was stored before its answer was lost is recognised, not repeated.
 */
export async function retryTransient<T>(
  policy: RetryPolicy,
  operation: () => Promise<T>,
  /** When the caller's budget ends (the append may already have spent some of it waiting). */
  giveUpAt = Date.now() + policy.budgetMs,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await operation();
    } catch (error) {
      const remaining = giveUpAt - Date.now();
      if (!isTransient(error) || remaining <= 0) throw error;
      await sleep(Math.min(jitteredDelay(policy, attempt), remaining));
    }
  }
}

/**
 * What leaves the adapter when an operation failed for good: unavailable after the retries (safe
 * to try again later), access refused (not), or any other failure of the store.
 */
export function storeFailure(operation: string, policy: RetryPolicy, cause: unknown): Error {
  if (isTransient(cause)) {
    return new StoreUnavailableError(operation, Math.ceil(policy.maxDelayMs / 1000), { cause });
  }
  if (isAccessDenied(cause)) return new StoreAccessDeniedError(operation, { cause });
  return new KurrentDbFailure(operation, cause);
}

export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.message ? `${error.constructor.name}: ${error.message}` : error.constructor.name;
}

/**
 * The store could not do what was asked (an event it cannot read, a refusal it does not explain).
 * The client's own error is the cause: callers never need the client's classes.
 */
export class KurrentDbFailure extends Error {
  constructor(operation: string, cause: unknown) {
    super(`KurrentDB ${operation} failed: ${describeError(asClientError(cause))}`, { cause });
    this.name = 'KurrentDbFailure';
  }
}
