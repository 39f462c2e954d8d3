import { describe, expect, it } from '@jest/globals';
import { ConfigError } from '../../config.js';
import { loadAuthConfig, type OidcAuthConfig } from './auth-config.js';

const oidc = {
  AUTH_ISSUER: 'https://login.example-council.gov.uk/realms/staff',
  AUTH_AUDIENCE: 'api://improvement-plan-tracker',
  AUTH_JWKS_URL: 'https://login.example-council.gov.uk/realms/staff/certs',
};
const pages = {
  ...oidc,
  AUTH_CLIENT_ID: 'plan-tracker-pages',
  PUBLIC_URL: 'https://plans.example-council.gov.uk',
};

const webClientOf = (env: NodeJS.ProcessEnv) => (loadAuthConfig(env, '/data') as OidcAuthConfig).webClient;

describe("the pages' client at the sign-in provider", () => {
  it('is left out when AUTH_CLIENT_ID is not set: the API alone uses the provider', () => {
    expect(loadAuthConfig(oidc, '/data')).not.toHaveProperty('webClient');
  });

  it('is a public client with PKCE by default, called back at PUBLIC_URL/sign-in/callback', () => {
    expect(webClientOf({ ...pages, PUBLIC_URL: 'https://plans.example-council.gov.uk/' })).toEqual({
      clientId: 'plan-tracker-pages',
      clientAuthMethod: 'client_secret_basic',
      redirectUrl: 'https://plans.example-council.gov.uk/sign-in/callback',
      signedOutUrl: 'https://plans.example-council.gov.uk/sign-in',
      scopes: 'openid profile',
    });
  });

  it('is a confidential client when AUTH_CLIENT_SECRET is set, with the scopes asked for', () => {
    expect(
      webClientOf({
        ...pages,
        AUTH_CLIENT_SECRET: ' s3cret ',
        AUTH_CLIENT_AUTH_METHOD: 'client_secret_post',
        AUTH_SCOPES: 'openid  profile api://improvement-plan-tracker/plans profile',
      }),
    ).toMatchObject({
      clientSecret: 's3cret',
      clientAuthMethod: 'client_secret_post',
      scopes: 'openid profile api://improvement-plan-tracker/plans',
    });
  });

  it('takes AUTH_REDIRECT_URL for the callback, and the site it names for signing out', () => {
    const env = {
      ...oidc,
      AUTH_CLIENT_ID: 'pages',
      AUTH_REDIRECT_URL: 'https://intranet.example.gov.uk/plans/sign-in/callback',
    };
    expect(webClientOf(env)).toMatchObject({
      redirectUrl: 'https://intranet.example.gov.uk/plans/sign-in/callback',
      signedOutUrl: 'https://intranet.example.gov.uk/plans/sign-in',
    });
    expect(webClientOf({ ...env, PUBLIC_URL: 'https://plans.example.gov.uk' })).toMatchObject({
      signedOutUrl: 'https://plans.example.gov.uk/sign-in',
    });
  });

  it('may be called back over plain http only on this machine', () => {
    expect(webClientOf({ ...pages, PUBLIC_URL: 'http://127.0.0.1:3000' })).toMatchObject({
      redirectUrl: 'http://127.0.0.1:3000/sign-in/callback',
    });
  });

  it.each([
    [
      { ...oidc, AUTH_CLIENT_ID: 'pages' },
      'PUBLIC_URL (or AUTH_REDIRECT_URL) is required when AUTH_CLIENT_ID is set',
    ],
    [{ ...pages, PUBLIC_URL: 'http://plans.example.gov.uk' }, 'PUBLIC_URL must be an https URL'],
    [{ ...pages, PUBLIC_URL: 'plans.example.gov.uk' }, 'PUBLIC_URL must be a URL'],
    [
      { ...pages, PUBLIC_URL: 'https://plans.example.gov.uk/?a=1' },
      'PUBLIC_URL must be the address of the site',
    ],
    [
      { ...pages, AUTH_REDIRECT_URL: 'https://plans.example.gov.uk/callback' },
      'AUTH_REDIRECT_URL must end with /sign-in/callback',
    ],
    [{ ...pages, AUTH_CLIENT_ID: 'plan tracker' }, 'AUTH_CLIENT_ID must not contain spaces'],
    [{ ...pages, AUTH_SCOPES: 'profile email' }, 'AUTH_SCOPES must include openid'],
    [
      { ...pages, AUTH_CLIENT_AUTH_METHOD: 'client_secret_post' },
      'AUTH_CLIENT_AUTH_METHOD is set but AUTH_CLIENT_SECRET is not',
    ],
    [
      { ...pages, AUTH_CLIENT_SECRET: 'x', AUTH_CLIENT_AUTH_METHOD: 'private_key_jwt' },
      'AUTH_CLIENT_AUTH_METHOD must be one of',
    ],
    [
      { ...oidc, AUTH_CLIENT_SECRET: 'x', AUTH_SCOPES: 'openid' },
      'AUTH_CLIENT_SECRET, AUTH_SCOPES are set but AUTH_CLIENT_ID is not',
    ],
    [{ AUTH_CLIENT_ID: 'pages' }, 'AUTH_CLIENT_ID is set but AUTH_ISSUER is not'],
  ])('refuses %j', (env, message) => {
    expect(() => loadAuthConfig(env, '/data')).toThrow(ConfigError);
    expect(() => loadAuthConfig(env, '/data')).toThrow(message);
  });

  it('does not echo the client secret, nor a PUBLIC_URL that may carry credentials', () => {
    const messageOf = (env: NodeJS.ProcessEnv) => {
      try {
        loadAuthConfig(env, '/data');
        return 'accepted';
      } catch (error) {
        return (error as Error).message;
      }
    };
    expect(messageOf({ ...oidc, AUTH_CLIENT_SECRET: 's3cret' })).not.toContain('s3cret');
    const credentials = messageOf({ ...pages, PUBLIC_URL: 'http://user:s3cret@plans.example.gov.uk' });
    expect(credentials).toContain('PUBLIC_URL must be an https URL');
    expect(credentials).not.toContain('s3cret');
  });
});
