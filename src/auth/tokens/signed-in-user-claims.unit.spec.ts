import { describe, expect, it } from '@jest/globals';
import { DEFAULT_CLAIMS } from './auth-config.js';
import { InvalidTokenError } from './invalid-token-error.js';
import { signedInUserFromClaims } from './signed-in-user-claims.js';

const claims = (extra: Record<string, unknown>) => ({
  sub: 'u-1',
  exp: 1_700_000_000,
  roles: ['VIEWER'],
  ...extra,
});
const user = (extra: Record<string, unknown>) => signedInUserFromClaims(claims(extra), DEFAULT_CLAIMS);

describe('the signed-in user a token describes', () => {
  it('is named by the name claim, else preferred_username, else the subject', () => {
    expect(user({ name: ' Jo Smith ', preferred_username: 'jsmith' }).name).toBe('Jo Smith');
    expect(user({ name: '', preferred_username: 'jsmith@iow.gov.uk' }).name).toBe('jsmith@iow.gov.uk');
    expect(user({}).name).toBe('u-1');
  });

  it('expires when the token does, in milliseconds', () => {
    expect(user({}).expiresAt).toBe(1_700_000_000_000);
  });

  it('has each role once, from a list or a space-separated string', () => {
    expect(user({ roles: ['EDITOR', 'EDITOR', 'AUDITOR'] }).roles).toEqual(['EDITOR', 'AUDITOR']);
    expect(user({ roles: ' ADMIN\tVIEWER ' }).roles).toEqual(['ADMIN', 'VIEWER']);
  });

  it('owns what a list says, or the one owner a flattened claim names', () => {
    expect(user({ owns: ['Lead IRO', 'Head of Service'] }).owns).toEqual(['Lead IRO', 'Head of Service']);
    expect(user({ owns: 'Lead IRO' }).owns).toEqual(['Lead IRO']);
    expect(user({}).owns).toEqual([]);
  });

  it('finds a claim by its whole name first, then as a path into nested claims', () => {
    const names = { ...DEFAULT_CLAIMS, roles: 'realm_access.roles', localAuthority: 'https://iow.gov.uk/la' };
    const found = signedInUserFromClaims(
      claims({ realm_access: { roles: ['AUDITOR'] }, 'https://iow.gov.uk/la': 'Isle of Wight Council' }),
      names,
    );
    expect(found).toMatchObject({ roles: ['AUDITOR'], localAuthority: 'Isle of Wight Council' });
  });

  it.each([
    ['a role in lower case', { roles: ['editor'] }],
    ['roles as an object', { roles: { EDITOR: true } }],
    ['a name that is not text', { name: 42 }],
    ['a name with a bidirectional override', { name: 'Jo \u202ehtimS' }],
    ['an owner list with a blank', { owns: ['Lead IRO', ' '] }],
    ['owners as a number', { owns: 7 }],
    ['a blank local authority', { local_authority: '' }],
    ['a local authority list', { local_authority: ['Isle of Wight Council'] }],
    ['a subject that is a number', { sub: 12345 }],
  ])('is no one for %s, rather than someone with fewer limits', (_case, extra) => {
    expect(() => user(extra)).toThrow(InvalidTokenError);
  });
});
