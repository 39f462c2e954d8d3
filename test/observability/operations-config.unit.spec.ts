import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from '../../src/config.js';

const TOKEN = 'a-scrape-token-of-32-characters!';

describe('configuration of logs, metrics and shutdown', () => {
  it('logs JSON in production and readable lines elsewhere, unless LOG_FORMAT says', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).logFormat).toBe('json');
    expect(loadConfig({}).logFormat).toBe('pretty');
    expect(loadConfig({ NODE_ENV: 'production', LOG_FORMAT: 'pretty' }).logFormat).toBe('pretty');
    expect(() => loadConfig({ LOG_FORMAT: 'xml' })).toThrow(
      new ConfigError('LOG_FORMAT must be json or pretty, got "xml"'),
    );
  });

  it('takes a METRICS_TOKEN of 32 characters or more, and never echoes a short one', () => {
    expect(loadConfig({ METRICS_TOKEN: ` ${TOKEN} ` }).metricsToken).toBe(TOKEN);
    expect(loadConfig({})).not.toHaveProperty('metricsToken');
    expect(() => loadConfig({ METRICS_TOKEN: 'guessable' })).toThrow(/at least 32 characters long$/);
  });

  it('waits 10 s for requests in flight unless SHUTDOWN_DEADLINE_SECONDS says otherwise', () => {
    expect(loadConfig({}).shutdownDeadlineMs).toBe(10_000);
    expect(loadConfig({ SHUTDOWN_DEADLINE_SECONDS: '2.5' }).shutdownDeadlineMs).toBe(2_500);
    for (const bad of ['0', '-1', 'soon', '601']) {
      expect(() => loadConfig({ SHUTDOWN_DEADLINE_SECONDS: bad })).toThrow(ConfigError);
    }
  });
});
