import { loadAuthConfig } from '../auth/tokens/auth-config.js';
import {
  MAX_TOKEN_DAYS,
  localSubject,
  mintLocalToken,
  type LocalTokenRequest,
} from '../auth/tokens/mint-token.js';
import { isPlainText } from '../auth/tokens/signed-in-user-claims.js';
import { ROLES, isRole, type Role } from '../auth/domain/actor.js';
import { loadConfig } from '../config.js';
import { strictArguments } from './strict-arguments.js';

export const TOKEN_USAGE = `Usage: npm run token -- --name "<name>" --role <ROLE> [--role <ROLE>]… [--owns "<owner>"]… [--local-authority "<authority>"] [--days <N>] [--subject <id>]

  --name "<name>"                   who the token is for, as the audit trail will show them
  --role <ROLE>                     ${ROLES.join(', ')}; repeat the option for several roles
  --owns "<owner>"                  an owner role or team whose actions an EDITOR may change; repeat for
                                    several (without it: every action)
  --local-authority "<authority>"   the one local authority whose plans the user sees (without it: every one)
  --days <N>                        whole days the token is valid, 1 to ${MAX_TOKEN_DAYS} (default 1)
  --subject <id>                    the user's stable id (default: local: and the name as a slug)

The token is the last line of standard output. It is signed with the key in DATA_DIR/signing-key.json
(made on first use); the server must use the same DATA_DIR. With AUTH_ISSUER set, tokens come from the
council's sign-in provider instead.`;

/** A request with its lifetime decided, so the summary can say when the token ends. */
export type TokenArguments = LocalTokenRequest & { readonly days: number };

export type ParsedTokenArguments =
  | { readonly kind: 'token'; readonly request: TokenArguments }
  | { readonly kind: 'help' }
  | { readonly kind: 'error'; readonly message: string };

const TEXT_RULE = 'printable text of at most 200 characters';

/** The command line of `npm run token`; anything unclear is an error (exit 2), never a guess. */
export function parseTokenArguments(argv: readonly string[]): ParsedTokenArguments {
  const parsed = strictArguments(argv, {
    name: { type: 'string' },
    role: { type: 'string', multiple: true },
    owns: { type: 'string', multiple: true },
    'local-authority': { type: 'string' },
    days: { type: 'string' },
    subject: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if ('error' in parsed) return { kind: 'error', message: parsed.error };
  const { values } = parsed;
  if (values.help) return { kind: 'help' };
  const name = values.name?.trim();
  if (!name) return { kind: 'error', message: 'Give --name, the name of the person the token is for' };
  if (!isPlainText(name)) return { kind: 'error', message: `--name must be ${TEXT_RULE}` };
  const roles = (values.role ?? []).map((role) => role.trim().toUpperCase());
  if (roles.length === 0) return { kind: 'error', message: `Give at least one --role (${ROLES.join(', ')})` };
  const unknown = roles.find((role) => !isRole(role));
  if (unknown !== undefined) {
    return { kind: 'error', message: `Unknown role "${unknown}": use ${ROLES.join(', ')}` };
  }
  const days = values.days === undefined ? 1 : wholeDays(values.days);
  if (days === undefined) {
    return { kind: 'error', message: `--days must be a whole number from 1 to ${MAX_TOKEN_DAYS}` };
  }
  const owns = (values.owns ?? []).map((owner) => owner.trim());
  if (!owns.every(isPlainText)) return { kind: 'error', message: `Each --owns must be ${TEXT_RULE}` };
  const localAuthority = values['local-authority']?.trim();
  if (localAuthority !== undefined && !isPlainText(localAuthority)) {
    return { kind: 'error', message: `--local-authority must be ${TEXT_RULE}` };
  }
  const subject = values.subject?.trim();
  if (subject !== undefined && !isPlainText(subject)) {
    return { kind: 'error', message: `--subject must be ${TEXT_RULE}` };
  }
  return {
    kind: 'token',
    request: {
      name,
      roles: [...new Set(roles as Role[])],
      owns: [...new Set(owns)],
      ...(localAuthority !== undefined ? { localAuthority } : {}),
      days,
      ...(subject !== undefined ? { subject } : {}),
    },
  };
}

function wholeDays(text: string): number | undefined {
  const days = /^\s*\d+\s*$/.test(text) ? Number(text) : NaN;
  return Number.isInteger(days) && days >= 1 && days <= MAX_TOKEN_DAYS ? days : undefined;
}

/** Where a command writes; the process's streams, or a test's buffers. */
export interface CommandOutput {
  stdout(text: string): void;
  stderr(text: string): void;
}

const processOutput: CommandOutput = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/**
 * `npm run token -- --name … --role …`: exit 0 with the token as the last line of standard output
 * (scripts read that line), 2 bad arguments, 1 when the council's provider issues tokens instead.
 * The summary goes to standard error, so `$(npm run --silent token -- …)` is the token alone.
 */
export async function tokenCommand(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
  output: CommandOutput = processOutput,
  now: Date = new Date(),
): Promise<number> {
  const parsed = parseTokenArguments(argv);
  if (parsed.kind === 'help') return written(output.stdout, `${TOKEN_USAGE}\n`, 0);
  if (parsed.kind === 'error') return written(output.stderr, `${parsed.message}\n\n${TOKEN_USAGE}\n`, 2);
  const { dataDir } = loadConfig(env);
  const auth = loadAuthConfig(env, dataDir);
  if (auth.mode === 'oidc') {
    const refusal =
      `AUTH_ISSUER is set, so sign-in tokens come from the council's provider (${auth.issuer}); ` +
      `npm run token makes tokens only for the embedded sign-in\n`;
    return written(output.stderr, refusal, 1);
  }
  const token = await mintLocalToken(dataDir, { ...parsed.request, issuedAt: now });
  output.stderr(tokenSummary(parsed.request, now));
  return written(output.stdout, `${token}\n`, 0);
}

/** What the token says, for the person who made it to check before handing it on. */
export function tokenSummary(request: TokenArguments, issuedAt: Date): string {
  const { name, roles, owns = [], localAuthority, days } = request;
  const until = new Date(issuedAt.getTime() + days * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return [
    `Token for ${name} (${request.subject ?? localSubject(name)})`,
    `  roles:           ${roles.join(', ')}`,
    `  owns:            ${owns.length > 0 ? owns.join('; ') : 'every action'}`,
    `  local authority: ${localAuthority ?? 'every authority'}`,
    `  valid until:     ${until} (${days} ${days === 1 ? 'day' : 'days'})`,
    `Whoever holds it can act as ${name}: keep it like a password.`,
    '',
  ].join('\n');
}

function written(write: (text: string) => void, text: string, code: number): number {
  write(text);
  return code;
}
