import { parseArgs } from 'node:util';
import { isCalendarDate } from '../plans/domain/plan-date.js';

export const IMPORT_USAGE = `Usage: npm run import -- <file> [--plan <id> | --title "<title>"] [--effective <YYYY-MM-DD>] [--dry-run] [--acknowledge-personal-data] [--token <jwt>]

  <file>                        the plan document: .txt (a Word table pasted as text), .csv or .xlsx
  --plan <id>                   bring this existing plan in line with the file (only the differences are recorded)
  --title "<title>"             title of the new plan (needed when the file has none)
  --effective <YYYY-MM-DD>      the day the file's changes took effect (a spreadsheet "as at 31 March"
                                imported in April); not in the future; default: the day they are recorded
  --dry-run                     print what would be recorded, and every warning; record nothing
  --acknowledge-personal-data   record progress notes that seem to identify a child (after checking them)
  --token <jwt>                 an ADMIN's sign-in token (default: the PLAN_TRACKER_TOKEN environment variable)`;

export interface ImportArguments {
  readonly file: string;
  readonly planId?: string;
  readonly title?: string;
  readonly effectiveDate?: string;
  readonly dryRun: boolean;
  readonly acknowledgePersonalData: boolean;
  readonly token?: string;
}

export type ParsedImportArguments =
  | { readonly kind: 'import'; readonly options: ImportArguments }
  | { readonly kind: 'help' }
  | { readonly kind: 'error'; readonly message: string };

/** The command line of `npm run import`; anything unclear is an error (exit 2), never a guess. */
export function parseImportArguments(argv: readonly string[]): ParsedImportArguments {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        plan: { type: 'string' },
        title: { type: 'string' },
        effective: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        'acknowledge-personal-data': { type: 'boolean', default: false },
        token: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    return { kind: 'error', message: (error as Error).message };
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  if (positionals.length !== 1) {
    return {
      kind: 'error',
      message: positionals.length === 0 ? 'Give the file to import' : 'Give one file only',
    };
  }
  const planId = values.plan?.trim();
  const title = values.title?.trim();
  if (planId !== undefined && title !== undefined) {
    return { kind: 'error', message: 'Give --plan (an existing plan) or --title (a new plan), not both' };
  }
  if (planId === '') return { kind: 'error', message: '--plan needs the id of a plan' };
  if (title === '') return { kind: 'error', message: '--title needs the title of the new plan' };
  const effectiveDate = values.effective?.trim();
  if (effectiveDate !== undefined && !isCalendarDate(effectiveDate)) {
    return { kind: 'error', message: '--effective must be a day "YYYY-MM-DD", such as 2024-03-31' };
  }
  return {
    kind: 'import',
    options: {
      file: positionals[0]!,
      ...(planId !== undefined ? { planId } : {}),
      ...(title !== undefined ? { title } : {}),
      ...(effectiveDate !== undefined ? { effectiveDate } : {}),
      dryRun: values['dry-run'] === true,
      acknowledgePersonalData: values['acknowledge-personal-data'] === true,
      ...(values.token !== undefined ? { token: values.token } : {}),
    },
  };
}
