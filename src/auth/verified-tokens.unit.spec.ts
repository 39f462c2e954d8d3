import { describe, expect, it } from '@jest/globals';
import type { SignedInUser } from './domain/actor.js';
import { VerifiedTokens } from './verified-tokens.js';

const NOW = Date.parse('2026-12-01T12:00:00Z');
const user = (expiresAt?: number): SignedInUser => ({
  id: 'local:jo',
  name: 'Jo',
  roles: ['VIEWER'],
  owns: [],
  expiresAt,
});

describe('tokens already verified', () => {
  it('answers a token verified before, until it expires', () => {
    const verified = new VerifiedTokens();
    verified.remember('token', user(NOW + 1000));
    expect(verified.get('token', NOW)).toEqual(user(NOW + 1000));
    expect(verified.get('token', NOW + 1000)).toBeUndefined();
    expect(verified.get('token', NOW)).toBeUndefined();
  });

  it('never answers a token that was not verified, nor one without an expiry', () => {
    const verified = new VerifiedTokens();
    verified.remember('no-expiry', user());
    expect(verified.get('other', NOW)).toBeUndefined();
    expect(verified.get('no-expiry', NOW)).toBeUndefined();
  });

  it('forgets the least recently used token beyond its capacity', () => {
    const verified = new VerifiedTokens(2);
    verified.remember('a', user(NOW + 1000));
    verified.remember('b', user(NOW + 1000));
    verified.get('a', NOW);
    verified.remember('c', user(NOW + 1000));
    expect(verified.get('b', NOW)).toBeUndefined();
    expect(verified.get('a', NOW)).toBeDefined();
    expect(verified.get('c', NOW)).toBeDefined();
  });
});
