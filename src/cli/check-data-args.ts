import { strictArguments } from './strict-arguments.js';

export const CHECK_DATA_USAGE = `Usage: npm run check-data -- [--data-dir <folder>]

  --data-dir <folder>   the embedded store's folder (default: the DATA_DIR environment variable,
                        else ./data, as the server)

Checks the embedded (SQLite) store without changing it: SQLite's integrity check of events.db
(and text-keys.db when present), every stream's revisions 0 to n-1 without gaps, global positions
rising with each stream's revisions, every event's data and metadata readable as JSON, and every
stream's audit hash chain. It opens the files read-only and never changes them, so it may run
beside the server (SQLite may create the empty events.db-wal and events.db-shm it needs to read a
WAL file, as any reader does); stop the server for a check that no append can race.

No sign-in: it reads the files directly, so whoever may read the folder may check it (the folder
holds the signing key too: guard it like the database). For a KurrentDB store, use npm run verify.

Exit 0: no problem found; 1: problems (each printed with its stream and revision); 2: bad arguments
or no store in the folder.`;

export type ParsedCheckDataArguments =
  | { readonly kind: 'check'; readonly dataDir?: string }
  | { readonly kind: 'help' }
  | { readonly kind: 'error'; readonly message: string };

/** The command line of `npm run check-data`; anything unclear is an error (exit 2), never a guess. */
export function parseCheckDataArguments(argv: readonly string[]): ParsedCheckDataArguments {
  const parsed = strictArguments(argv, {
    'data-dir': { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if ('error' in parsed) return { kind: 'error', message: parsed.error };
  const { values } = parsed;
  if (values.help) return { kind: 'help' };
  const dataDir = values['data-dir']?.trim();
  if (dataDir === '') return { kind: 'error', message: '--data-dir needs a folder' };
  return dataDir === undefined ? { kind: 'check' } : { kind: 'check', dataDir };
}
