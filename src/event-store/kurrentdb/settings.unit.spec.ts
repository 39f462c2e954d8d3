import { describe, expect, it } from '@jest/globals';
import { jitteredDelay } from '../backoff.js';
import {
  appendLimitFromEnv,
  DEFAULT_MAX_APPENDS_IN_FLIGHT,
  DEFAULT_RETRY_POLICY,
  KurrentDbSettingsError,
  retryPolicyFromEnv,
} from './settings.js';

describe('the KurrentDB retry settings', () => {
  it('outlast a leader election unless configured otherwise', () => {
    expect(retryPolicyFromEnv({})).toEqual({});
    expect(DEFAULT_RETRY_POLICY.budgetMs).toBeGreaterThanOrEqual(10_000);
  });

  it('take the budget and the deadline from the environment', () => {
    const env = { KURRENTDB_RETRY_BUDGET_MS: '250', KURRENTDB_DEADLINE_MS: ' 100 ' };
    expect(retryPolicyFromEnv(env)).toEqual({ budgetMs: 250, deadlineMs: 100 });
  });

  it.each(['0', '-5', '1.5', 'ten seconds'])('refuse a budget of "%s", naming the setting', (value) => {
    expect(() => retryPolicyFromEnv({ KURRENTDB_RETRY_BUDGET_MS: value })).toThrow(KurrentDbSettingsError);
    expect(() => retryPolicyFromEnv({ KURRENTDB_RETRY_BUDGET_MS: value })).toThrow(
      /KURRENTDB_RETRY_BUDGET_MS/,
    );
  });
});

describe('the KurrentDB limit on appends in flight', () => {
  it('keeps well under the 100 streams a server takes per connection unless configured', () => {
    expect(appendLimitFromEnv({})).toEqual({});
    expect(DEFAULT_MAX_APPENDS_IN_FLIGHT).toBe(32);
  });

  it('takes the limit from the environment', () => {
    expect(appendLimitFromEnv({ KURRENTDB_MAX_APPENDS_IN_FLIGHT: ' 8 ' })).toEqual({ maxAppendsInFlight: 8 });
  });

  it.each(['0', '-1', '2.5', 'many'])('refuses a limit of "%s", naming the setting', (value) => {
    const env = { KURRENTDB_MAX_APPENDS_IN_FLIGHT: value };
    expect(() => appendLimitFromEnv(env)).toThrow(KurrentDbSettingsError);
    expect(() => appendLimitFromEnv(env)).toThrow(/KURRENTDB_MAX_APPENDS_IN_FLIGHT/);
  });
});

describe('jittered back-off', () => {
  const backoff = { initialDelayMs: 100, maxDelayMs: 1000 };

  it('waits a random part of a ceiling that doubles with each attempt', () => {
    expect([1, 2, 3, 4].map((attempt) => jitteredDelay(backoff, attempt, () => 1))).toEqual([
      100, 200, 400, 800,
    ]);
    expect(jitteredDelay(backoff, 3, () => 0.5)).toBe(200);
    expect(jitteredDelay(backoff, 3, () => 0)).toBe(0);
  });

  it('never waits longer than the largest delay', () => {
    expect(jitteredDelay(backoff, 30, () => 1)).toBe(1000);
  });
});
