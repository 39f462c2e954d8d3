/** Where the adapter reports losing and regaining the server (Nest's Logger fits). */
export interface StoreLogger {
  log(message: string): void;
  warn(message: string): void;
}

export interface RetryPolicy {
  /** Delay before the first retry; it doubles up to maxDelayMs. */
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
  /** Attempts for one append or read, the first included. Subscriptions retry for ever. */
  readonly attempts: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { initialDelayMs: 100, maxDelayMs: 5000, attempts: 5 };

export interface KurrentDbEventStoreOptions {
  readonly logger?: StoreLogger;
  readonly retry?: Partial<RetryPolicy>;
}
