import type { Actor, Channel } from '../auth/domain/actor.js';
import { may, type Capability } from '../auth/domain/permissions.js';
import { InvalidTokenError } from '../auth/tokens/token-verifier.js';
import { signedInCliUser, SignInRequiredError } from './cli-user.js';
import { complain } from './run-command.js';

/** Why a command-line tool will not run for this caller; the tool prints it and exits 2. */
export class CliSignInRefused extends Error {}

/**
 * The signed-in user a command-line tool acts for, checked as the server checks a request: a valid
 * token (--token or PLAN_TRACKER_TOKEN) and a role that holds the capability.
 */
export async function signInToCli(
  token: string | undefined,
  capability: Capability,
  via: Channel,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Actor> {
  let user;
  try {
    user = await signedInCliUser(env, token);
  } catch (error) {
    if (error instanceof SignInRequiredError) throw new CliSignInRefused(error.message);
    if (error instanceof InvalidTokenError) throw new CliSignInRefused('Sign in: invalid token');
    throw error;
  }
  if (!may(user, capability)) {
    throw new CliSignInRefused(`Your role (${user.roles.join(', ')}) may not do this`);
  }
  return { ...user, via };
}

/** Runs a tool's work as the signed-in user, or says why not and exits 2 (how it was run is wrong). */
export async function asSignedIn(
  request: { token: string | undefined; capability: Capability; via: Channel; env?: NodeJS.ProcessEnv },
  work: (actor: Actor) => Promise<number>,
): Promise<number> {
  let actor;
  try {
    actor = await signInToCli(request.token, request.capability, request.via, request.env);
  } catch (error) {
    if (error instanceof CliSignInRefused) return complain(`${error.message}\n`, 2);
    throw error;
  }
  return work(actor);
}
