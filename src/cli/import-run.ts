import { randomUUID } from 'node:crypto';
import type { Actor } from '../auth/domain/actor.js';
import { loadConfig } from '../config.js';
import { ImportService } from '../import/import.service.js';
import { DomainError } from '../plans/domain/errors.js';
import { PlanReads } from '../plans/read-models/plan-reads.js';
import { argumentRefusal } from './argument-refusal.js';
import { createCliContext } from './cli-context.js';
import type { ImportArguments } from './import-args.js';
import { cliImportKey } from './import-key.js';
import { importReportText } from './import-report-text.js';
import { complain, say } from './run-command.js';

/** The option of each field the import may refuse. */
const OPTIONS = { planId: '--plan', title: '--title', effectiveDate: '--effective' };

/** Imports the file's content as the signed-in ADMIN, in the application booted without a server. */
export async function importAs(actor: Actor, options: ImportArguments, content: Buffer): Promise<number> {
  const context = await createCliContext(loadConfig());
  try {
    const request = { ...options, fileName: options.file, content };
    const plan = options.planId === undefined ? undefined : await context.get(PlanReads).find(options.planId);
    const idempotencyKey = { key: cliImportKey(request, plan?.version) };
    const report = await context
      .get(ImportService)
      .importPlan(request, { correlationId: randomUUID(), actor, idempotencyKey });
    return say(importReportText(report, options.file), report.problems.length > 0 ? 1 : 0);
  } catch (error) {
    // A file over the import's limits is a problem in the file, not in the arguments.
    if (error instanceof DomainError && error.field === 'file') return complain(`${error.message}\n`, 1);
    // An unknown --plan or a future --effective date: the command line was wrong, not the file.
    if (error instanceof DomainError) return complain(argumentRefusal(error, OPTIONS), 2);
    throw error;
  } finally {
    await context.close();
  }
}
