import { readFile, stat } from 'node:fs/promises';
import { MAX_IMPORT_BYTES } from '../import/import-limits.js';
import { refusedReport, tooLargeProblem } from '../import/import-report.js';
import { asSignedIn } from './cli-sign-in.js';
import { IMPORT_USAGE, parseImportArguments, type ImportArguments } from './import-args.js';
import { importReportText } from './import-report-text.js';
import { complain, say } from './run-command.js';

/**
 * `npm run import -- <file> … --token <jwt>`: exit 0 imported (or dry run fine), 1 problems in the
 * file, 2 bad arguments (an unknown --plan or an --effective date in the future included) or no
 * ADMIN sign-in.
 */
export async function importCommand(argv: readonly string[]): Promise<number> {
  const parsed = parseImportArguments(argv);
  if (parsed.kind === 'help') return say(`${IMPORT_USAGE}\n`, 0);
  if (parsed.kind === 'error') return complain(`${parsed.message}\n\n${IMPORT_USAGE}\n`, 2);
  const { file } = parsed.options;
  const size = await stat(file).then(
    (stats) => (stats.isFile() ? stats.size : undefined),
    () => undefined,
  );
  if (size === undefined) return complain(`Cannot read ${file}: no such file\n\n${IMPORT_USAGE}\n`, 2);
  if (size > MAX_IMPORT_BYTES) {
    const report = refusedReport(parsed.options, [tooLargeProblem(size, MAX_IMPORT_BYTES)]);
    return say(importReportText(report, file), 1);
  }
  return importFile(parsed.options, await readFile(file));
}

function importFile(options: ImportArguments, content: Buffer): Promise<number> {
  return asSignedIn({ token: options.token, capability: 'administer', via: 'import-cli' }, async (actor) => {
    // The application (Nest, the store, the parsers) is loaded only once there is work for it, so
    // --help and a mistyped option answer at once.
    const { importAs } = await import('./import-run.js');
    return importAs(actor, options, content);
  });
}
