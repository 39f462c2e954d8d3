import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { exportSPKI, generateKeyPair, importJWK, SignJWT, type CryptoKey, type JWTPayload } from 'jose';
import { loadAuthConfig, signingKeyFileIn, type AuthConfig } from '../../src/auth/tokens/auth-config.js';
import { localSigningKey, type LocalSigningKey } from '../../src/auth/tokens/local-signing-key.js';
import { mintLocalToken } from '../../src/auth/tokens/mint-token.js';
import {
  createTokenVerifier,
  InvalidTokenError,
  type TokenVerifier,
} from '../../src/auth/tokens/token-verifier.js';

let dataDir: string;
let config: AuthConfig;
let key: LocalSigningKey;
let verifier: TokenVerifier;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'plan-tracker-tokens-'));
  config = loadAuthConfig({}, dataDir);
  key = await localSigningKey(signingKeyFileIn(dataDir));
  verifier = await createTokenVerifier(config);
});

afterAll(() => rm(dataDir, { recursive: true, force: true }));

const now = () => Math.floor(Date.now() / 1000);

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A token as the embedded sign-in makes it, with `claims` changed (undefined: left out). */
function signed(
  claims: JWTPayload = {},
  { header = {}, signingKey = key.privateKey }: { header?: object; signingKey?: CryptoKey | Uint8Array } = {},
): Promise<string> {
  const payload: JWTPayload = {
    iss: 'improvement-plan-tracker',
    aud: 'improvement-plan-tracker',
    sub: 'local:jo-smith',
    name: 'Jo Smith',
    roles: ['EDITOR'],
    iat: now(),
    exp: now() + 3600,
    ...claims,
  };
  const present = Object.fromEntries(Object.entries(payload).filter(([, value]) => value !== undefined));
  return new SignJWT(present).setProtectedHeader({ alg: 'ES256', kid: key.kid, ...header }).sign(signingKey);
}

async function refusal(token: string | Promise<string>): Promise<InvalidTokenError> {
  const error = await verifier.verify(await token).then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(InvalidTokenError);
  expect((error as Error).message).toBe('invalid token');
  return error as InvalidTokenError;
}

describe('the verifier refuses a sign-in token', () => {
  const table: [string, () => Promise<string>, RegExp][] = [
    ['that expired a minute ago', () => signed({ exp: now() - 60 }), /"exp" claim timestamp check failed/],
    ['not valid for another minute (nbf)', () => signed({ nbf: now() + 60 }), /"nbf" claim timestamp/],
    ['from another issuer', () => signed({ iss: 'https://evil.example' }), /unexpected "iss"/],
    ['for another audience', () => signed({ aud: 'another-app' }), /unexpected "aud"/],
    [
      'signed with another key under our kid',
      async () => signed({}, { signingKey: (await generateKeyPair('ES256')).privateKey }),
      /signature verification failed/,
    ],
    [
      'with alg none and no signature',
      async () => `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(await claimsOf(signed()))}.`,
      /ERR_JOSE_ALG_NOT_ALLOWED/,
    ],
    [
      'HS256-signed with the public key as the secret (key confusion)',
      async () =>
        signed({}, { header: { alg: 'HS256' }, signingKey: new TextEncoder().encode(await publicPem()) }),
      /ERR_JOSE_ALG_NOT_ALLOWED/,
    ],
    [
      'with a kid we never issued',
      () => signed({}, { header: { kid: 'someone-elses-key' } }),
      /NO_MATCHING_KEY/,
    ],
    ['with a role that does not exist', () => signed({ roles: ['EDITOR', 'SUPERUSER'] }), /unknown roles/],
    ['with no roles claim', () => signed({ roles: undefined }), /roles claim "roles" is missing/],
    ['with an empty roles list', () => signed({ roles: [] }), /roles claim "roles" is missing/],
    ['with no subject', () => signed({ sub: undefined }), /"sub" claim/],
    ['with no expiry', () => signed({ exp: undefined }), /"exp" claim/],
    ['with a control character in the name', () => signed({ name: 'Jo\nSmith' }), /name claim/],
    ['with a subject over 200 characters', () => signed({ sub: 'x'.repeat(201) }), /subject/],
    ['with owners that are not text', () => signed({ owns: [42] }), /owns claim/],
    ['that is a garbage string', async () => 'not even a token', /ERR_JWS_INVALID/],
    ['that is three garbage parts', async () => 'abc.def.ghi', /ERR_JWS_INVALID/],
  ];

  it.each(table)('%s', async (_case, token, reason) => {
    expect((await refusal(token())).reason).toMatch(reason);
  });

  it('but accepts one a few seconds past expiry, as clocks drift', async () => {
    await expect(verifier.verify(await signed({ exp: now() - 5 }))).resolves.toMatchObject({
      name: 'Jo Smith',
    });
  });
});

describe('a good sign-in token', () => {
  it('says who is asking, what they may do and until when', async () => {
    const token = await mintLocalToken(dataDir, {
      name: 'Jo Smith',
      roles: ['EDITOR', 'AUDITOR'],
      owns: ['Lead IRO'],
      localAuthority: 'Isle of Wight Council',
      days: 2,
    });
    const user = await verifier.verify(token);
    expect(user).toEqual({
      id: 'local:jo-smith',
      name: 'Jo Smith',
      roles: ['EDITOR', 'AUDITOR'],
      owns: ['Lead IRO'],
      localAuthority: 'Isle of Wight Council',
      expiresAt: expect.any(Number),
    });
    expect(Math.abs(user.expiresAt! - (Date.now() + 2 * 86_400_000))).toBeLessThan(5_000);
  });

  it('may carry its roles as one space-separated string', async () => {
    const user = await verifier.verify(await signed({ roles: 'VIEWER  AUDITOR' }));
    expect(user.roles).toEqual(['VIEWER', 'AUDITOR']);
    expect(user.owns).toEqual([]);
    expect(user.localAuthority).toBeUndefined();
  });

  it('is read through the claim names the configuration gives', async () => {
    const custom = await createTokenVerifier({
      ...config,
      claims: { name: 'display_name', roles: 'app_roles', owns: 'teams', localAuthority: 'council' },
    });
    const token = await signed({
      name: 'Ignored Name',
      roles: undefined,
      display_name: 'Sam Patel',
      app_roles: ['ADMIN'],
      teams: ['Head of Service'],
      council: 'Hampshire County Council',
    });
    await expect(custom.verify(token)).resolves.toMatchObject({
      name: 'Sam Patel',
      roles: ['ADMIN'],
      owns: ['Head of Service'],
      localAuthority: 'Hampshire County Council',
    });
  });

  it('made by mintLocalToken with an earlier issuedAt can be one that has expired', async () => {
    const token = await mintLocalToken(dataDir, {
      name: 'Jo Smith',
      roles: ['VIEWER'],
      issuedAt: new Date(Date.now() - 2 * 86_400_000),
    });
    expect((await refusal(token)).reason).toMatch(/"exp"/);
  });
});

async function claimsOf(token: Promise<string>): Promise<object> {
  const [, payload] = (await token).split('.');
  return JSON.parse(Buffer.from(payload!, 'base64url').toString()) as object;
}

async function publicPem(): Promise<string> {
  return exportSPKI((await importJWK(key.publicJwk, 'ES256')) as CryptoKey);
}
