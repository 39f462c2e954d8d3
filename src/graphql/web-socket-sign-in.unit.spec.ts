import { describe, expect, it } from '@jest/globals';
import { fromAllowedOrigin, fromOwnOrigin } from './web-socket-sign-in.js';

const upgrade = (headers: Record<string, string>, encrypted = false) =>
  ({ headers, socket: { encrypted } }) as unknown as Parameters<typeof fromOwnOrigin>[0];

describe('whether a WebSocket upgrade came from our own pages', () => {
  it('is so when its Origin is this server’s scheme and host', () => {
    expect(
      fromOwnOrigin(
        upgrade({ host: 'plans.example.gov.uk:3000', origin: 'http://plans.example.gov.uk:3000' }),
      ),
    ).toBe(true);
    expect(
      fromOwnOrigin(upgrade({ host: 'plans.example.gov.uk', origin: 'https://Plans.example.gov.uk' }, true)),
    ).toBe(true);
  });

  it('is not for another site, another port or scheme, or no Origin at all', () => {
    const host = 'plans.example.gov.uk';
    expect(fromOwnOrigin(upgrade({ host, origin: 'http://evil.example' }))).toBe(false);
    expect(fromOwnOrigin(upgrade({ host, origin: 'http://plans.example.gov.uk:8080' }))).toBe(false);
    expect(fromOwnOrigin(upgrade({ host, origin: 'https://plans.example.gov.uk' }))).toBe(false);
    expect(fromOwnOrigin(upgrade({ host, origin: 'http://plans.example.gov.uk.evil.example' }))).toBe(false);
    expect(fromOwnOrigin(upgrade({ host }))).toBe(false);
    expect(fromOwnOrigin(upgrade({ host, origin: 'null' }))).toBe(false);
  });
});

describe('whether a live connection may be opened from where its upgrade came', () => {
  const host = 'plans.example.gov.uk';
  const listed = ['https://board.example.gov.uk', 'http://localhost:8080'];
  const from = (origin?: string) => fromAllowedOrigin(upgrade(origin ? { host, origin } : { host }), listed);

  it('may from our own pages, a listed site, or a client that is not a browser (no Origin)', () => {
    expect(from(`http://${host}`)).toBe(true);
    expect(from('https://board.example.gov.uk')).toBe(true);
    expect(from('https://BOARD.example.gov.uk:443')).toBe(true);
    expect(from('http://localhost:8080')).toBe(true);
    expect(from(undefined)).toBe(true);
  });

  it('may not from any other site, port or scheme, nor from an opaque origin', () => {
    expect(from('https://evil.example')).toBe(false);
    expect(from('https://board.example.gov.uk.evil.example')).toBe(false);
    expect(from('http://board.example.gov.uk')).toBe(false);
    expect(from('http://localhost:3000')).toBe(false);
    expect(from('null')).toBe(false);
    expect(from('not a url')).toBe(false);
    expect(fromAllowedOrigin(upgrade({ host, origin: 'https://board.example.gov.uk' }))).toBe(false);
  });
});
