import type { PageError } from '../web-graphql.js';
import { planCrumbs, type AdminPlan } from './admin-visit.js';
import { formErrors, type FormField } from './form-errors.js';
import type { DateParts } from './form-values.js';
import type { PreviewedImport } from './import-seal.js';
import { ACCEPTED_FILES } from './plan-file-upload.js';
import {
  asksToAcknowledgePersonalData,
  FORMAT_NAMES,
  lineText,
  summaryRows,
  type ImportReport,
} from './plan-import.js';

/** What the upload form shows again: everything but the file, which a browser never prefills. */
export interface UploadValues {
  readonly title: string;
  readonly effectiveDate: DateParts;
  readonly acknowledgePersonalData: boolean;
}

export interface ImportPageContext extends Record<string, unknown> {
  readonly view: string;
}

const FILE: FormField = { id: 'file', label: 'The plan file' };
const FIELDS: Record<string, FormField> = {
  file: FILE,
  fileName: FILE,
  format: FILE,
  base64: FILE,
  text: FILE,
  title: { id: 'title', label: 'Title' },
  effectiveDate: { id: 'effectiveDate-day', label: 'The day the changes took effect' },
};

const importPath = (plan: AdminPlan | null) =>
  plan ? `/plans/${encodeURIComponent(plan.id)}/import` : '/admin/plans/import';

const crumbs = (plan: AdminPlan | null) => (plan ? planCrumbs(plan) : [{ text: 'Plans', href: '/plans' }]);

/** The upload form: a new plan's (with its title) or an existing plan's. */
export function importPage(page: {
  plan: AdminPlan | null;
  values: UploadValues;
  errors: readonly PageError[];
  showAcknowledge: boolean;
}): ImportPageContext {
  const { summary, byField } = formErrors(page.errors, FIELDS, 'file');
  return {
    view: 'admin/import.njk',
    ...page,
    action: importPath(page.plan),
    accept: ACCEPTED_FILES,
    errors: summary,
    fieldErrors: byField,
    breadcrumbs: crumbs(page.plan),
  };
}

const PROBLEMS_FOUND =
  'The file has problems, so nothing can be recorded from it. Fix them in the file and upload it again.';

/**
 * The dry run's report: counts, every change with its line, warnings, and problems (which mean
 * nothing can be recorded, so no confirm button). The confirm form carries the file back, sealed.
 */
export function previewPage(page: {
  plan: AdminPlan | null;
  values: UploadValues;
  previewed: PreviewedImport;
  report: ImportReport;
  seal: string;
  changedSincePreview: boolean;
}): ImportPageContext {
  const { plan, previewed, report } = page;
  const problems = report.problems.map(lineText);
  const recordable = problems.length === 0 && report.changes.length > 0;
  return {
    view: 'admin/import-preview.njk',
    plan,
    values: page.values,
    changedSincePreview: page.changedSincePreview,
    fileName: previewed.file.fileName,
    formatName: FORMAT_NAMES[previewed.file.format],
    effectiveDate: previewed.effectiveDate,
    report,
    summaryRows: summaryRows(report),
    errors: problems.map((text) => ({ text, href: `#${FILE.id}` })),
    fieldErrors: problems.length > 0 ? { file: PROBLEMS_FOUND } : {},
    showAcknowledge: asksToAcknowledgePersonalData(report) || page.values.acknowledgePersonalData,
    action: importPath(plan),
    accept: ACCEPTED_FILES,
    breadcrumbs: crumbs(plan),
    confirm: recordable
      ? {
          action: `${importPath(plan)}/confirm`,
          fields: {
            fileName: previewed.file.fileName,
            format: previewed.file.format,
            content: previewed.file.content.toString('base64url'),
            title: previewed.title ?? '',
            effectiveDate: previewed.effectiveDate ?? '',
            acknowledgePersonalData: previewed.acknowledgePersonalData ? 'yes' : '',
            changesDigest: previewed.changesDigest,
            seal: page.seal,
          },
        }
      : undefined,
  };
}
