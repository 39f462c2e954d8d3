import { resolve } from 'node:path';
import { CHECK_DATA_USAGE, parseCheckDataArguments } from './check-data-args.js';
import { dataCheckReport } from './check-data-report.js';
import { checkDataDirectory, EVENTS_FILE } from './check-data-store.js';
import { complain, say } from './run-command.js';

/**
 * `npm run check-data -- [--data-dir <folder>]`: see CHECK_DATA_USAGE. No sign-in: it reads the
 * files itself, so the file system's permissions are the authority (as for `npm run token`).
 */
export function checkDataMain(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): number {
  const parsed = parseCheckDataArguments(argv);
  if (parsed.kind === 'help') return say(`${CHECK_DATA_USAGE}\n`, 0);
  if (parsed.kind === 'error') return complain(`${parsed.message}\n\n${CHECK_DATA_USAGE}\n`, 2);
  // The same default as the server's configuration, without needing the rest of it to be valid.
  const dataDir = resolve(parsed.dataDir ?? (env.DATA_DIR?.trim() || './data'));
  const check = checkDataDirectory(dataDir);
  if (!check) return complain(`No embedded event store in ${dataDir} (no ${EVENTS_FILE})\n`, 2);
  return say(dataCheckReport(dataDir, check), check.problems.length === 0 ? 0 : 1);
}
