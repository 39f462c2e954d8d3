import type { SignedInUser } from '../auth/domain/actor.js';
import { loadAuthConfig } from '../auth/tokens/auth-config.js';
import { createTokenVerifier } from '../auth/tokens/token-verifier.js';
import { ConfigError, loadConfig } from '../config.js';

/**
 * No token was given. A ConfigError, so runCommand prints the sentence alone rather than a stack:
 * the fix is in how the command was run, not in the code.
 */
export class SignInRequiredError extends ConfigError {
  override readonly name = 'SignInRequiredError';

  constructor() {
    super('Sign in: pass --token or set PLAN_TRACKER_TOKEN (make one with npm run token)');
  }
}

/**
 * Who runs a command-line tool: the token from its --token option (`argvToken`), else from
 * PLAN_TRACKER_TOKEN, checked exactly as the server checks it (same DATA_DIR key or provider).
 * Throws SignInRequiredError without a token and InvalidTokenError for a bad one.
 */
export async function signedInCliUser(
  env: NodeJS.ProcessEnv = process.env,
  argvToken?: string,
): Promise<SignedInUser> {
  const token = argvToken?.trim() || env.PLAN_TRACKER_TOKEN?.trim();
  if (!token) throw new SignInRequiredError();
  const { dataDir } = loadConfig(env);
  const verifier = await createTokenVerifier(loadAuthConfig(env, dataDir));
  return verifier.verify(token);
}
