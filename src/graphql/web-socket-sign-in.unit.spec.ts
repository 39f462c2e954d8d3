import { describe, expect, it } from '@jest/globals';
import { fromOwnOrigin } from './web-socket-sign-in.js';

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
