import { strictArguments } from './strict-arguments.js';

export const VERIFY_USAGE = `Usage: npm run verify -- [--plan <id>] [--expect-head <hash>] [--token <jwt>]

  --plan <id>            check this plan's audit trail; without it, every plan in the store
  --expect-head <hash>   with --plan: a head hash recorded earlier (a board pack prints one for the
                         minutes); fails unless it is the hash of some version of the plan as stored
                         now, i.e. unless the history up to then is unchanged
  --token <jwt>          an AUDITOR's or ADMIN's sign-in token (default: the PLAN_TRACKER_TOKEN
                         environment variable)

Exit 0: every chain checked is valid (and the recorded head found); 1: a chain is broken, or the
recorded head matches no version; 2: bad arguments, an unknown plan, or no sign-in. Reads the same
configuration (DATA_DIR, EVENT_STORE_URL) as the server.`;

export interface VerifyArguments {
  readonly planId?: string;
  readonly expectHead?: string;
  readonly token?: string;
}

export type ParsedVerifyArguments =
  | { readonly kind: 'verify'; readonly options: VerifyArguments }
  | { readonly kind: 'help' }
  | { readonly kind: 'error'; readonly message: string };

const SHA_256_HEX = /^[0-9a-f]{64}$/;

/** The command line of `npm run verify`; anything unclear is an error (exit 2), never a guess. */
export function parseVerifyArguments(argv: readonly string[]): ParsedVerifyArguments {
  const parsed = strictArguments(argv, {
    plan: { type: 'string' },
    'expect-head': { type: 'string' },
    token: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if ('error' in parsed) return { kind: 'error', message: parsed.error };
  const { values } = parsed;
  if (values.help) return { kind: 'help' };
  const planId = values.plan?.trim();
  const expectHead = values['expect-head']?.trim().toLowerCase();
  if (planId === '') return { kind: 'error', message: '--plan needs the id of a plan' };
  if (expectHead !== undefined && planId === undefined) {
    return { kind: 'error', message: '--expect-head needs --plan: a head hash belongs to one plan' };
  }
  if (expectHead !== undefined && !SHA_256_HEX.test(expectHead)) {
    return { kind: 'error', message: '--expect-head must be a SHA-256 hash: 64 hexadecimal digits' };
  }
  return {
    kind: 'verify',
    options: {
      ...(planId !== undefined ? { planId } : {}),
      ...(expectHead !== undefined ? { expectHead } : {}),
      ...(values.token !== undefined ? { token: values.token } : {}),
    },
  };
}
