import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from '../../src/config.js';

describe('EVENT_STORE_URL', () => {
  it.each([
    'kurrentdb://localhost:2113?tls=false',
    'kurrentdb+discover://kurrentdb.internal:2113',
    'kurrentdb://node1:2113,node2:2113,node3:2113?tls=false&nodePreference=leader',
    'esdb://admin:changeit@eventstore:2113?tlsVerifyCert=false',
    'kdb://10.0.0.7:2113',
  ])('selects KurrentDB for %s', (url) => {
    expect(loadConfig({ EVENT_STORE_URL: ` ${url} ` }).eventStoreUrl).toBe(url);
  });

  it.each([undefined, '', '   '])('keeps the embedded store when it is %p', (url) => {
    expect(loadConfig({ EVENT_STORE_URL: url })).not.toHaveProperty('eventStoreUrl');
  });

  it.each(['http://localhost:2113', 'localhost:2113', 'kurrentdb://', 'postgres://user:secret@db/events'])(
    'refuses %s without echoing it (it may hold a password)',
    (url) => {
      const load = () => loadConfig({ EVENT_STORE_URL: url });
      expect(load).toThrow(ConfigError);
      expect(load).toThrow(/EVENT_STORE_URL must be a KurrentDB connection string/);
      expect(load).not.toThrow(/secret/);
    },
  );
});
