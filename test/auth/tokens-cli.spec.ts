import { access, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { loadAuthConfig } from '../../src/auth/tokens/auth-config.js';
import { mintLocalToken } from '../../src/auth/tokens/mint-token.js';
import { createTokenVerifier, InvalidTokenError } from '../../src/auth/tokens/token-verifier.js';
import { signedInCliUser, SignInRequiredError } from '../../src/cli/cli-user.js';
import { tokenCommand } from '../../src/cli/token-command.js';

let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'plan-tracker-cli-'));
});

afterEach(() => rm(dataDir, { recursive: true, force: true }));

async function runToken(argv: string[], env: NodeJS.ProcessEnv = { DATA_DIR: dataDir }) {
  const out = { stdout: '', stderr: '' };
  const code = await tokenCommand(argv, env, {
    stdout: (text) => (out.stdout += text),
    stderr: (text) => (out.stderr += text),
  });
  return { code, ...out, lastLine: out.stdout.trimEnd().split('\n').at(-1) ?? '' };
}

describe('npm run token', () => {
  it('prints a token, as the last line, that the server accepts for the person described', async () => {
    const { code, stderr, lastLine } = await runToken([
      '--name',
      'Jo Smith',
      '--role',
      'EDITOR',
      '--role',
      'AUDITOR',
      '--owns',
      'Lead IRO',
      '--local-authority',
      'Isle of Wight Council',
      '--days',
      '30',
    ]);
    expect(code).toBe(0);
    expect(stderr).toContain('Token for Jo Smith (local:jo-smith)');
    const verifier = await createTokenVerifier(loadAuthConfig({}, dataDir));
    const user = await verifier.verify(lastLine);
    expect(user).toMatchObject({
      id: 'local:jo-smith',
      name: 'Jo Smith',
      roles: ['EDITOR', 'AUDITOR'],
      owns: ['Lead IRO'],
      localAuthority: 'Isle of Wight Council',
    });
    expect(Math.abs(user.expiresAt! - (Date.now() + 30 * 86_400_000))).toBeLessThan(5_000);
  });

  it('exits 2 with the usage, and prints no token, for a role that does not exist', async () => {
    const { code, stdout, stderr } = await runToken(['--name', 'Jo Smith', '--role', 'OWNER']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('Unknown role "OWNER"');
    expect(stderr).toContain('Usage: npm run token');
  });

  it("refuses when the council's provider issues tokens, and makes no signing key", async () => {
    const env = {
      DATA_DIR: dataDir,
      AUTH_ISSUER: 'https://login.example-council.gov.uk/',
      AUTH_AUDIENCE: 'api://plan-tracker',
      AUTH_JWKS_URL: 'https://login.example-council.gov.uk/keys',
    };
    const { code, stdout, stderr } = await runToken(['--name', 'Jo Smith', '--role', 'EDITOR'], env);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain("sign-in tokens come from the council's provider");
    await expect(access(join(dataDir, 'signing-key.json'))).rejects.toThrow();
  });
});

describe('the user a command-line tool runs as', () => {
  it('is the one PLAN_TRACKER_TOKEN names', async () => {
    const token = await mintLocalToken(dataDir, { name: 'Jo Smith', roles: ['ADMIN'] });
    const user = await signedInCliUser({ DATA_DIR: dataDir, PLAN_TRACKER_TOKEN: token });
    expect(user).toMatchObject({ id: 'local:jo-smith', name: 'Jo Smith', roles: ['ADMIN'] });
  });

  it('is the one --token names, over PLAN_TRACKER_TOKEN', async () => {
    const viewer = await mintLocalToken(dataDir, { name: 'Val Viewer', roles: ['VIEWER'] });
    const auditor = await mintLocalToken(dataDir, { name: 'Ann Auditor', roles: ['AUDITOR'] });
    const user = await signedInCliUser({ DATA_DIR: dataDir, PLAN_TRACKER_TOKEN: viewer }, auditor);
    expect(user.name).toBe('Ann Auditor');
  });

  it('must be given, saying how', async () => {
    const absent = signedInCliUser({ DATA_DIR: dataDir, PLAN_TRACKER_TOKEN: ' ' });
    await expect(absent).rejects.toThrow(SignInRequiredError);
    await expect(absent).rejects.toThrow(
      'Sign in: pass --token or set PLAN_TRACKER_TOKEN (make one with npm run token)',
    );
  });

  it('is refused for a token made with another data directory’s key', async () => {
    const otherDir = await mkdtemp(join(tmpdir(), 'plan-tracker-other-'));
    try {
      const token = await mintLocalToken(otherDir, { name: 'Jo Smith', roles: ['ADMIN'] });
      await expect(signedInCliUser({ DATA_DIR: dataDir }, token)).rejects.toThrow(InvalidTokenError);
    } finally {
      await rm(otherDir, { recursive: true, force: true });
    }
  });
});
