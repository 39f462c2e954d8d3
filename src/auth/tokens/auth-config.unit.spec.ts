import { describe, expect, it } from '@jest/globals';
import { ConfigError } from '../../config.js';
import { loadAuthConfig } from './auth-config.js';

const oidc = {
  AUTH_ISSUER: 'https://login.microsoftonline.com/tenant-id/v2.0',
  AUTH_AUDIENCE: 'api://improvement-plan-tracker',
  AUTH_JWKS_URL: 'https://login.microsoftonline.com/tenant-id/discovery/v2.0/keys',
};

describe('the sign-in configuration', () => {
  it('is the embedded sign-in by default, its key beside the event store', () => {
    expect(loadAuthConfig({}, '/srv/plans/data')).toEqual({
      mode: 'embedded',
      issuer: 'improvement-plan-tracker',
      audience: 'improvement-plan-tracker',
      algorithms: ['ES256'],
      claims: { name: 'name', roles: 'roles', owns: 'owns', localAuthority: 'local_authority' },
      signingKeyFile: '/srv/plans/data/signing-key.json',
    });
  });

  it("is the council's provider when AUTH_ISSUER is set, with the default algorithms and claims", () => {
    expect(loadAuthConfig(oidc, '/data')).toEqual({
      mode: 'oidc',
      issuer: oidc.AUTH_ISSUER,
      audience: oidc.AUTH_AUDIENCE,
      jwksUrl: oidc.AUTH_JWKS_URL,
      algorithms: ['RS256', 'PS256', 'ES256'],
      claims: { name: 'name', roles: 'roles', owns: 'owns', localAuthority: 'local_authority' },
    });
  });

  it('takes the algorithms and the claim names from the environment', () => {
    const config = loadAuthConfig(
      {
        ...oidc,
        AUTH_ALGORITHMS: 'RS256, ES384',
        AUTH_NAME_CLAIM: 'display_name',
        AUTH_ROLES_CLAIM: 'realm_access.roles',
        AUTH_OWNS_CLAIM: 'teams',
        AUTH_AUTHORITY_CLAIM: 'https://example.gov.uk/council',
      },
      '/data',
    );
    expect(config).toMatchObject({
      algorithms: ['RS256', 'ES384'],
      claims: {
        name: 'display_name',
        roles: 'realm_access.roles',
        owns: 'teams',
        localAuthority: 'https://example.gov.uk/council',
      },
    });
  });

  it('allows plain http only for a provider on this machine', () => {
    const local = { ...oidc, AUTH_ISSUER: 'http://localhost:8080/realms/test' };
    expect(loadAuthConfig({ ...local, AUTH_JWKS_URL: 'http://127.0.0.1:8080/keys' }, '/data')).toMatchObject({
      mode: 'oidc',
    });
    expect(() =>
      loadAuthConfig({ ...oidc, AUTH_JWKS_URL: 'http://idp.example.gov.uk/keys' }, '/data'),
    ).toThrow('AUTH_JWKS_URL must be an https URL (plain http only for localhost or 127.0.0.1)');
  });

  it.each([
    [{ ...oidc, AUTH_AUDIENCE: '' }, 'AUTH_AUDIENCE is required when AUTH_ISSUER is set'],
    [{ ...oidc, AUTH_JWKS_URL: undefined }, 'AUTH_JWKS_URL is required when AUTH_ISSUER is set'],
    [{ ...oidc, AUTH_JWKS_URL: 'keys.json' }, 'AUTH_JWKS_URL must be a URL'],
    [{ ...oidc, AUTH_ISSUER: 'ftp://login.example.gov.uk' }, 'AUTH_ISSUER must be an https URL'],
    [{ ...oidc, AUTH_ALGORITHMS: 'RS256,HS256' }, 'never HS* or none), got "HS256"'],
    [{ ...oidc, AUTH_ALGORITHMS: 'none' }, 'got "none"'],
    [{ ...oidc, AUTH_ALGORITHMS: ' , ' }, 'AUTH_ALGORITHMS must be a comma-separated list'],
    [{ ...oidc, AUTH_ROLES_CLAIM: 'app roles' }, 'AUTH_ROLES_CLAIM must be a claim name without spaces'],
    [{ AUTH_AUDIENCE: 'api://x' }, 'AUTH_AUDIENCE is set but AUTH_ISSUER is not'],
    [
      { AUTH_JWKS_URL: 'https://x/keys', AUTH_ROLES_CLAIM: 'groups' },
      'AUTH_JWKS_URL, AUTH_ROLES_CLAIM are set',
    ],
  ])('refuses %j', (env, message) => {
    expect(() => loadAuthConfig(env, '/data')).toThrow(ConfigError);
    expect(() => loadAuthConfig(env, '/data')).toThrow(message);
  });

  it('does not echo a URL that may carry credentials', () => {
    const env = { ...oidc, AUTH_JWKS_URL: 'http://user:s3cret@idp.example.gov.uk/keys' };
    const message = (() => {
      try {
        loadAuthConfig(env, '/data');
        return 'accepted';
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(message).toContain('AUTH_JWKS_URL must be an https URL');
    expect(message).not.toContain('s3cret');
  });
});
