import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from '@jest/globals';
import {
  createRemoteJWKSet,
  exportJWK,
  generateKeyPair,
  jwtVerify,
  SignJWT,
  type CryptoKey,
  type JWK,
} from 'jose';
import { loadAuthConfig } from '../../src/auth/tokens/auth-config.js';
import type { ProviderKeyTimings } from '../../src/auth/tokens/provider-keys.js';
import { createTokenVerifier, InvalidTokenError } from '../../src/auth/tokens/token-verifier.js';

const ISSUER = 'https://login.example-council.gov.uk/tenant/v2.0';
const AUDIENCE = 'api://improvement-plan-tracker';

interface ProviderKey {
  readonly kid: string;
  readonly privateKey: CryptoKey;
  readonly publicJwk: JWK;
}

async function providerKey(kid: string, alg = 'RS256'): Promise<ProviderKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg);
  return { kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, use: 'sig' } };
}

/** The council's provider, as far as keys go: a JWKS endpoint on a loopback port. */
async function jwksEndpoint(keys: ProviderKey[]) {
  let published = keys;
  let fetches = 0;
  const server = createServer((_request, response) => {
    fetches += 1;
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({ keys: published.map((key) => key.publicJwk) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/.well-known/jwks.json`,
    publish: (next: ProviderKey[]) => (published = next),
    fetches: () => fetches,
    /** Down for good: open keep-alive connections are cut too, or fetch would reuse them. */
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function providerToken(key: ProviderKey, claims: Record<string, unknown> = {}, alg = 'RS256') {
  return new SignJWT({ display_name: 'Priya Shah', app_roles: ['AUDITOR'], ...claims })
    .setProtectedHeader({ alg, kid: key.kid })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setSubject('8f2c-priya')
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(key.privateKey);
}

async function providerVerifier(jwksUrl: string, timings: ProviderKeyTimings, env: NodeJS.ProcessEnv = {}) {
  const warnings: string[] = [];
  const config = loadAuthConfig(
    {
      AUTH_ISSUER: ISSUER,
      AUTH_AUDIENCE: AUDIENCE,
      AUTH_JWKS_URL: jwksUrl,
      AUTH_NAME_CLAIM: 'display_name',
      AUTH_ROLES_CLAIM: 'app_roles',
      ...env,
    },
    '/unused',
  );
  const verifier = await createTokenVerifier(config, {
    ...timings,
    warn: (message) => warnings.push(message),
  });
  return { verifier, warnings };
}

async function refused(promise: Promise<unknown>): Promise<InvalidTokenError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(InvalidTokenError);
  expect((error as Error).message).toBe('invalid token');
  return error as InvalidTokenError;
}

describe("tokens from the council's sign-in provider", () => {
  it('verify against its published keys, fetched once and kept', async () => {
    const keyA = await providerKey('key-a');
    const provider = await jwksEndpoint([keyA]);
    try {
      const { verifier } = await providerVerifier(provider.url, {});
      const user = await verifier.verify(await providerToken(keyA, { owns: ['Lead IRO'] }));
      expect(user).toMatchObject({
        id: '8f2c-priya',
        name: 'Priya Shah',
        roles: ['AUDITOR'],
        owns: ['Lead IRO'],
      });
      await verifier.verify(await providerToken(keyA));
      expect(provider.fetches()).toBe(1);
    } finally {
      await provider.stop();
    }
  });

  it('verify after the provider rotates to a new key, without a restart', async () => {
    const [keyA, keyB] = [await providerKey('key-a'), await providerKey('key-b')];
    const provider = await jwksEndpoint([keyA]);
    try {
      const { verifier } = await providerVerifier(provider.url, { cooldownMs: 0 });
      await verifier.verify(await providerToken(keyA));
      provider.publish([keyB]);
      await expect(verifier.verify(await providerToken(keyB))).resolves.toMatchObject({ name: 'Priya Shah' });
      expect(provider.fetches()).toBe(2);
    } finally {
      await provider.stop();
    }
  });

  it('signed with an algorithm left out of AUTH_ALGORITHMS are refused, even with a published key', async () => {
    const keyP = await providerKey('key-p', 'PS256');
    const provider = await jwksEndpoint([keyP]);
    try {
      const token = await providerToken(keyP, {}, 'PS256');
      const byDefault = await providerVerifier(provider.url, {});
      await expect(byDefault.verifier.verify(token)).resolves.toMatchObject({ name: 'Priya Shah' });
      const rsaOnly = await providerVerifier(provider.url, {}, { AUTH_ALGORITHMS: 'RS256' });
      expect((await refused(rsaOnly.verifier.verify(token))).reason).toMatch(/ERR_JOSE_ALG_NOT_ALLOWED/);
    } finally {
      await provider.stop();
    }
  });

  describe('while the provider cannot be reached', () => {
    it('still verify with a key fetched earlier; a new key is refused, with a warning', async () => {
      const [keyA, keyC] = [await providerKey('key-a'), await providerKey('key-c')];
      const provider = await jwksEndpoint([keyA]);
      const { verifier, warnings } = await providerVerifier(provider.url, { cooldownMs: 0 });
      await verifier.verify(await providerToken(keyA));
      await provider.stop();

      await expect(verifier.verify(await providerToken(keyA))).resolves.toMatchObject({ name: 'Priya Shah' });
      expect(warnings).toEqual([]);
      const error = await refused(verifier.verify(await providerToken(keyC)));
      expect(error.reason).toMatch(/NO_MATCHING_KEY/);
      expect(warnings).toEqual([
        expect.stringContaining(`Cannot fetch the sign-in provider's keys from ${provider.url}`),
      ]);
    });

    it('still verify once the fetched keys are older than the cache age', async () => {
      const keyA = await providerKey('key-a');
      const provider = await jwksEndpoint([keyA]);
      const { verifier, warnings } = await providerVerifier(provider.url, {
        cacheMaxAgeMs: 0,
        cooldownMs: 60_000,
      });
      await verifier.verify(await providerToken(keyA));
      await provider.stop();

      await expect(verifier.verify(await providerToken(keyA))).resolves.toMatchObject({ name: 'Priya Shah' });
      await expect(verifier.verify(await providerToken(keyA))).resolves.toMatchObject({ name: 'Priya Shah' });
      expect(warnings).toHaveLength(1);
    });

    it('are all refused when no key was ever fetched', async () => {
      const provider = await jwksEndpoint([]);
      await provider.stop();
      const { verifier, warnings } = await providerVerifier(provider.url, {});
      await refused(verifier.verify(await providerToken(await providerKey('key-a'))));
      expect(warnings).toEqual([expect.stringContaining('no keys are known yet')]);
    });

    it("would sign everybody out with jose's key set alone, once its cache is stale (why providerKeys exists)", async () => {
      const keyA = await providerKey('key-a');
      const provider = await jwksEndpoint([keyA]);
      const keys = createRemoteJWKSet(new URL(provider.url), { cacheMaxAge: 0 });
      const options = { issuer: ISSUER, audience: AUDIENCE };
      await jwtVerify(await providerToken(keyA), keys, options);
      await provider.stop();
      await expect(jwtVerify(await providerToken(keyA), keys, options)).rejects.toThrow();
    });
  });
});
