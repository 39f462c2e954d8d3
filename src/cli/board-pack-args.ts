import { DomainError } from '../plans/domain/errors.js';
import { boardPackRequest, type OptionNames } from '../reports/board-pack-request.js';
import type { BoardPackFormat } from '../reports/board-pack-document.js';
import type { BoardPackRequest } from '../reports/board-pack.query.js';
import { strictArguments } from './strict-arguments.js';

export const BOARD_PACK_USAGE = `Usage: npm run board-pack -- --plan <id> [--board <meetingId> | --as-of <when>] [--stale-after-days <N>] [--format html|pdf] [--out <file>] [--token <jwt>]

  --plan <id>               the improvement plan
  --board <meetingId>       the pack for that board meeting: the plan as at the end of its day (UK time),
                            and what changed since the board meeting before it
  --as-of <when>            the plan as recorded at an instant (2024-05-14T17:00:00Z) or by the end of a
                            UK day (2024-05-14), and what changed since the latest board before it; default now
  --stale-after-days <N>    an action with no progress note for N days is stale (default 42)
  --format html|pdf         a printable HTML page (default) or a PDF
  --out <file>              write the pack to this file; without it, the pack goes to standard output
                            (a PDF only when standard output is redirected)
  --token <jwt>             your sign-in token (default: the PLAN_TRACKER_TOKEN environment variable)`;

/** Every format the pack renders to; the compiler says when the renderers gain one. */
const FORMATS: Readonly<Record<BoardPackFormat, true>> = { html: true, pdf: true };

const FLAGS: OptionNames = { asOf: '--as-of', boardMeeting: '--board', staleAfterDays: '--stale-after-days' };

export interface BoardPackArguments {
  readonly request: BoardPackRequest;
  readonly format: BoardPackFormat;
  readonly out?: string;
  readonly token?: string;
}

export type ParsedBoardPackArguments =
  | { readonly kind: 'board-pack'; readonly options: BoardPackArguments }
  | { readonly kind: 'help' }
  | { readonly kind: 'error'; readonly message: string };

/** The command line of `npm run board-pack`; anything unclear is an error (exit 2), never a guess. */
export function parseBoardPackArguments(argv: readonly string[]): ParsedBoardPackArguments {
  const parsed = strictArguments(argv, {
    plan: { type: 'string' },
    board: { type: 'string' },
    'as-of': { type: 'string' },
    'stale-after-days': { type: 'string' },
    format: { type: 'string', default: 'html' },
    out: { type: 'string' },
    token: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if ('error' in parsed) return { kind: 'error', message: parsed.error };
  const { values } = parsed;
  if (values.help) return { kind: 'help' };
  const planId = values.plan?.trim();
  if (!planId) return { kind: 'error', message: '--plan needs the id of a plan' };
  const format = values.format as BoardPackFormat;
  if (!Object.hasOwn(FORMATS, format)) return { kind: 'error', message: '--format must be html or pdf' };
  if (values.out !== undefined && values.out.trim() === '')
    return { kind: 'error', message: '--out needs a file name' };
  try {
    const options = {
      asOf: values['as-of'],
      boardMeeting: values.board,
      staleAfterDays: values['stale-after-days'],
    };
    const request = boardPackRequest(planId, options, FLAGS);
    const out = values.out ? { out: values.out } : {};
    const token = values.token !== undefined ? { token: values.token } : {};
    return { kind: 'board-pack', options: { request, format, ...out, ...token } };
  } catch (error) {
    if (error instanceof DomainError) return { kind: 'error', message: error.message };
    throw error;
  }
}
