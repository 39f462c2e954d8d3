import { randomUUID } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { loadConfig } from '../config.js';
import { tooLargeProblem, refusedReport } from '../import/import-report.js';
import { ImportService } from '../import/import.service.js';
import { MAX_IMPORT_BYTES } from '../import/parse/parse-plan-document.js';
import { DomainError } from '../plans/domain/errors.js';
import { IMPORT_USAGE, parseImportArguments, type ImportArguments } from './import-args.js';
import { importReportText } from './import-report-text.js';
import { createCliContext } from './cli-context.js';
import type { Actor } from '../auth/domain/actor.js';
import { asSignedIn } from './cli-sign-in.js';
import { complain, say } from './run-command.js';

/**
 * `npm run import -- <file> … --token <jwt>`: exit 0 imported (or dry run fine), 1 problems, 2 bad
 * arguments or no ADMIN sign-in.
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
  return asSignedIn({ token: options.token, capability: 'administer', via: 'import-cli' }, (actor) =>
    importAs(actor, options, content),
  );
}

async function importAs(actor: Actor, options: ImportArguments, content: Buffer): Promise<number> {
  const context = await createCliContext(loadConfig());
  try {
    const report = await context
      .get(ImportService)
      .importPlan({ ...options, fileName: options.file, content }, { correlationId: randomUUID(), actor });
    return say(importReportText(report, options.file), report.problems.length > 0 ? 1 : 0);
  } catch (error) {
    // An unknown --plan, say: the request was wrong, not the file.
    if (error instanceof DomainError) return complain(`${error.message}\n`, 1);
    throw error;
  } finally {
    await context.close();
  }
}
