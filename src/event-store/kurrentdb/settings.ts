/** Where the adapter reports losing and regaining the server (Nest's Logger fits). */
export interface StoreLogger {
  log(message: string): void;
  warn(message: string): void;
}

export interface RetryPolicy {
  /** Delay before the first retry; it doubles up to maxDelayMs, each delay jittered. */
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
  /**
   * How long one append or read keeps retrying transient failures before the store is reported
   * unavailable. Subscriptions retry for ever.
   */
  readonly budgetMs: number;
  /** Deadline of each append attempt (also the gRPC deadline), so a silent server cannot hold a request. */
  readonly deadlineMs: number;
}

/**
 * A leader election alone takes several seconds (gossip timeout 2.5 s, then the vote and the new
 * leader's catch-up): the default budget outlasts one, so a failover is ridden out, not reported.
 */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  initialDelayMs: 100,
  maxDelayMs: 2000,
  budgetMs: 15_000,
  deadlineMs: 10_000,
};

/**
 * Appends on the wire at once; the rest queue in order within the retry budget. Well under the 100
 * concurrent HTTP/2 streams a server's Kestrel takes per connection by default (Streams/Append
 * opens one per append, and subscriptions share the connection), and enough to keep a server busy.
 */
export const DEFAULT_MAX_APPENDS_IN_FLIGHT = 32;

export interface KurrentDbEventStoreOptions {
  readonly logger?: StoreLogger;
  readonly retry?: Partial<RetryPolicy>;
  /** DEFAULT_MAX_APPENDS_IN_FLIGHT unless given. */
  readonly maxAppendsInFlight?: number;
}

export class KurrentDbSettingsError extends Error {}

/**
 * KURRENTDB_RETRY_BUDGET_MS (default 15000) and KURRENTDB_DEADLINE_MS (default 10000), read once at
 * start-up; anything but a positive whole number of milliseconds is refused.
 */
export function retryPolicyFromEnv(env: NodeJS.ProcessEnv = process.env): Partial<RetryPolicy> {
  return {
    ...positiveMs(env, 'KURRENTDB_RETRY_BUDGET_MS', 'budgetMs'),
    ...positiveMs(env, 'KURRENTDB_DEADLINE_MS', 'deadlineMs'),
  };
}

/** KURRENTDB_MAX_APPENDS_IN_FLIGHT (default 32), read once at start-up: a positive whole number. */
export function appendLimitFromEnv(
  env: NodeJS.ProcessEnv = process.env,
): Pick<KurrentDbEventStoreOptions, 'maxAppendsInFlight'> {
  const name = 'KURRENTDB_MAX_APPENDS_IN_FLIGHT';
  const raw = env[name]?.trim();
  if (!raw) return {};
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    throw new KurrentDbSettingsError(`${name} must be a positive whole number of appends, got "${raw}"`);
  }
  return { maxAppendsInFlight: value };
}

function positiveMs(
  env: NodeJS.ProcessEnv,
  name: string,
  key: 'budgetMs' | 'deadlineMs',
): Partial<RetryPolicy> {
  const raw = env[name]?.trim();
  if (!raw) return {};
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    throw new KurrentDbSettingsError(`${name} must be a positive whole number of milliseconds, got "${raw}"`);
  }
  return { [key]: value };
}
