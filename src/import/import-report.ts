import type { ImportProblem, ImportWarning } from './plan-document.js';
import { summarise, type SyncSummary } from './sync/sync-result.js';

/** A line of a report: where in the file (null for the file as a whole) and what. */
export interface ReportLine {
  readonly line: number | null;
  readonly message: string;
}

/** What an import did, or in a dry run would do, and what a person should look at. */
export interface ImportReport {
  /** The plan imported into; null when there is none (a new plan refused, or only a dry run). */
  readonly planId: string | null;
  readonly dryRun: boolean;
  /** A new plan was created (in a dry run: would be). */
  readonly created: boolean;
  /** "YYYY-MM-DD" the changes took effect, as the import was asked; null: the day they were recorded. */
  readonly effectiveDate: string | null;
  readonly summary: SyncSummary;
  /** Every change, in the order it is recorded, with the line it came from. */
  readonly changes: readonly ReportLine[];
  readonly warnings: readonly ImportWarning[];
  /** Anything here means nothing was appended. */
  readonly problems: readonly ImportProblem[];
  readonly appendedEvents: number;
}

/** The report of an import that appended nothing because of problems. */
export function refusedReport(
  request: {
    readonly planId?: string | null;
    readonly dryRun?: boolean;
    readonly effectiveDate?: string | null;
  },
  problems: readonly ImportProblem[],
  warnings: readonly ImportWarning[] = [],
): ImportReport {
  return {
    planId: request.planId ?? null,
    dryRun: request.dryRun === true,
    created: false,
    effectiveDate: request.effectiveDate ?? null,
    summary: summarise([]),
    changes: [],
    warnings,
    problems,
    appendedEvents: 0,
  };
}

const mebibytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/** Said before a byte of an oversize file is read or decoded (in the parser's words). */
export function tooLargeProblem(bytes: number, maxBytes: number): ImportProblem {
  return {
    line: null,
    message: `The file is ${mebibytes(bytes)}; the limit is ${maxBytes / 1024 / 1024} MiB`,
  };
}
