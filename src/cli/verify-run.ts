import { loadConfig } from '../config.js';
import { asSignedIn } from './cli-sign-in.js';
import { complain, say } from './run-command.js';
import { parseVerifyArguments, VERIFY_USAGE } from './verify-args.js';

/** `npm run verify -- [--plan <id>] [--expect-head <hash>] [--token <jwt>]`: see VERIFY_USAGE. */
export async function verifyMain(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const parsed = parseVerifyArguments(argv);
  if (parsed.kind === 'help') return say(`${VERIFY_USAGE}\n`, 0);
  if (parsed.kind === 'error') return complain(`${parsed.message}\n\n${VERIFY_USAGE}\n`, 2);
  return asSignedIn({ token: parsed.options.token, capability: 'verify', via: 'cli', env }, async (user) => {
    // The store holds every authority's plans; the verifyAuditTrail query serves one authority's users.
    if (user.localAuthority !== undefined) {
      return complain(
        'verify reads every plan in the store: it needs a user not tied to one local authority\n',
        2,
      );
    }
    // The store and the checker are loaded only once there is something to check: --help answers at once.
    const { verifyStore } = await import('./verify-check.js');
    return verifyStore(loadConfig(env), parsed.options);
  });
}
