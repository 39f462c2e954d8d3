import type { Answer } from '../web-graphql.js';
import type { Visit, WebPages } from '../web-pages.js';
import { changesDigest, type PreviewedImport } from './import-seal.js';
import type { PlanFile, PlanFileFormat } from './plan-file-upload.js';

const IMPORT_PLAN = /* GraphQL */ `
  mutation ImportPlan($input: ImportPlanInput!) {
    importPlan(input: $input) {
      planId
      created
      effectiveDate
      summary {
        themesAdded
        actionsAdded
        ragChanges
        progressNotesAdded
        reschedules
        ownerChanges
        descriptionRevisions
        themeRevisions
      }
      changes {
        line
        message
      }
      warnings {
        line
        message
      }
      problems {
        line
        message
      }
    }
  }
`;

export interface ReportLine {
  readonly line: number | null;
  readonly message: string;
}

export interface ImportReport {
  readonly planId: string | null;
  readonly created: boolean;
  readonly effectiveDate: string | null;
  readonly summary: Readonly<Record<string, number>>;
  readonly changes: readonly ReportLine[];
  readonly warnings: readonly ReportLine[];
  readonly problems: readonly ReportLine[];
}

/** What the person asked to import: the file, into which plan (none: a new one), and how. */
export interface ImportRequest {
  readonly planId: string | null;
  readonly file: PlanFile;
  readonly title: string | null;
  readonly effectiveDate: string | null;
  readonly acknowledgePersonalData: boolean;
}

/**
 * importPlan as the visitor, dry run or for real. The file goes as base64 whatever its format, so
 * the API reads exactly the bytes uploaded (and reports a file that is not UTF-8 by its line)
 * instead of text the page had already decoded.
 */
export async function runImport(
  pages: WebPages,
  visit: Visit,
  request: ImportRequest,
  dryRun: boolean,
): Promise<Answer<ImportReport>> {
  const { planId, file, title, effectiveDate, acknowledgePersonalData } = request;
  const input = {
    planId,
    title,
    fileName: file.fileName,
    format: file.format,
    base64: file.content.toString('base64'),
    effectiveDate,
    acknowledgePersonalData,
    dryRun,
  };
  // Only the import that records carries the form's key: a dry run records nothing to repeat.
  const run = dryRun ? pages.ask.bind(pages) : pages.record.bind(pages);
  const answer = await run<{ importPlan: ImportReport }>(visit, IMPORT_PLAN, { input });
  return answer.ok ? { ok: true, data: answer.data.importPlan } : answer;
}

/** The sentences a progress note suspected of naming a child is refused with (see action-sync.ts). */
export const asksToAcknowledgePersonalData = (report: ImportReport) =>
  report.problems.some((problem) => /acknowledging personal data/i.test(problem.message));

export const FORMAT_NAMES: Readonly<Record<PlanFileFormat, string>> = {
  TEXT: 'Word table saved as text',
  CSV: 'CSV',
  XLSX: 'Excel workbook (XLSX)',
};

/** The counts a person checks before confirming, in the words of the plan. */
export const summaryRows = (report: ImportReport) =>
  [
    ['Themes added', 'themesAdded'],
    ['Actions added', 'actionsAdded'],
    ['RAG changes', 'ragChanges'],
    ['Progress notes added', 'progressNotesAdded'],
    ['Actions rescheduled', 'reschedules'],
    ['Owner changes', 'ownerChanges'],
    ['Action descriptions revised', 'descriptionRevisions'],
    ['Themes revised', 'themeRevisions'],
  ].map(([key, field]) => ({ key: { text: key }, value: { text: String(report.summary[field!] ?? 0) } }));

/** "Line 12: …", or the message alone for the file as a whole. */
export const lineText = ({ line, message }: ReportLine) =>
  line === null ? message : `Line ${line}: ${message}`;

/** The request and the dry run's answer, as the seal and the confirm form hold them. */
export const previewedImport = (request: ImportRequest, report: ImportReport): PreviewedImport => ({
  ...request,
  changesDigest: changesDigest(report.changes),
});
