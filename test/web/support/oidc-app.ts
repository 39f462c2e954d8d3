import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../../../src/app.js';
import { PlanProjection } from '../../../src/plans/read-models/plan-projection.js';
import type { OidcAuthConfig } from '../../../src/auth/tokens/auth-config.js';
import { loadConfig } from '../../../src/config.js';
import { API_AUDIENCE, type FakeOidcProvider } from './oidc-provider.js';

export const CLIENT_ID = 'plan-tracker-pages';

export interface OidcApp {
  readonly url: string;
  readonly nest: NestFastifyApplication;
  close(): Promise<void>;
}

/**
 * The app as an operator would run it against the council's provider: configured from environment
 * variables through loadConfig, its PUBLIC_URL the address it listens on (so the port is chosen
 * first), registered with the provider as the client it says it is.
 */
export async function startOidcApp(
  provider: FakeOidcProvider,
  env: Record<string, string> = {},
): Promise<OidcApp> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'plans-oidc-'));
  const url = `http://127.0.0.1:${port}`;
  const config = loadConfig({
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'error',
    AUTH_ISSUER: provider.issuer,
    AUTH_AUDIENCE: API_AUDIENCE,
    AUTH_JWKS_URL: provider.jwksUrl,
    AUTH_CLIENT_ID: CLIENT_ID,
    PUBLIC_URL: url,
    ...env,
  });
  const webClient = (config.auth as OidcAuthConfig).webClient;
  if (!webClient) throw new Error('The configuration has no web client');
  provider.register({
    clientId: webClient.clientId,
    redirectUri: webClient.redirectUrl,
    ...(webClient.clientSecret ? { secret: webClient.clientSecret } : {}),
  });
  let nest: NestFastifyApplication;
  try {
    nest = await createApp(config);
    await nest.listen(port, '127.0.0.1');
    await nest.get(PlanProjection).whenReady();
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    url,
    nest,
    async close() {
      await nest.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A port the OS just handed out and took back; PUBLIC_URL must name it before the app starts. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
