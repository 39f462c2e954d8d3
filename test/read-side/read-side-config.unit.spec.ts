import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from '../../src/config.js';

describe('configuration of the plan cache', () => {
  it('keeps 150,000 events of plans in memory unless PLAN_CACHE_EVENTS says otherwise', () => {
    expect(loadConfig({}).planCacheEvents).toBe(150_000);
    expect(loadConfig({ PLAN_CACHE_EVENTS: '40000' }).planCacheEvents).toBe(40_000);
  });

  it('refuses a bound that is not a whole number of events from 1,000 to 10,000,000', () => {
    for (const bad of ['999', '10000001', 'lots', '2.5', '-5000']) {
      expect(() => loadConfig({ PLAN_CACHE_EVENTS: bad })).toThrow(
        new ConfigError(
          `PLAN_CACHE_EVENTS must be a whole number of events from 1000 to 10000000, got "${bad}"`,
        ),
      );
    }
  });
});
