import type { ImportReport, ReportLine } from '../import/import-report.js';
import { planDateText } from '../import/plan-date-text.js';
import type { SyncSummary } from '../import/sync/sync-result.js';

/** The import report as a person reads it in a terminal: outcome first, then every line with its number. */
export function importReportText(report: ImportReport, file: string): string {
  const sections = [outcome(report, file)];
  if (report.problems.length === 0 && report.changes.length > 0) {
    sections.push(summaryText(report.summary, report));
    sections.push(listed(report.dryRun ? 'Would record' : 'Recorded', report.changes));
  }
  if (report.warnings.length > 0) sections.push(listed('Warnings', report.warnings));
  if (report.problems.length > 0) sections.push(listed('Problems', report.problems));
  return `${sections.join('\n\n')}\n`;
}

function outcome(report: ImportReport, file: string): string {
  const { problems, dryRun, created, planId, changes, appendedEvents } = report;
  if (problems.length > 0) {
    return `${file} was not imported: ${count(problems.length, 'problem')} (below); nothing was recorded.`;
  }
  const effective = report.effectiveDate === null ? '' : `, effective ${planDateText(report.effectiveDate)}`;
  if (dryRun) {
    const target = created ? 'a new plan' : `plan ${planId}`;
    return changes.length === 0
      ? `Dry run: ${file} matches ${target}; nothing would be recorded.`
      : `Dry run: ${file} would record ${count(changes.length, 'change')} in ${target}${effective}. ` +
          'Nothing was recorded.';
  }
  if (appendedEvents === 0) return `${file} matches plan ${planId}: nothing to record.`;
  const target = created ? `new plan ${planId}` : `plan ${planId}`;
  return `${file} imported into ${target}: ${count(appendedEvents, 'event')} recorded${effective}.`;
}

function summaryText(summary: SyncSummary, report: ImportReport): string {
  const parts = [
    count(summary.themesAdded, 'theme') + ' added',
    count(summary.actionsAdded, 'action') + ' added',
    count(summary.ragChanges, 'RAG change'),
    count(summary.progressNotesAdded, 'progress note') + ' added',
    count(summary.ownerChanges, 'owner change'),
    count(summary.reschedules, 'reschedule'),
    count(summary.descriptionRevisions, 'description revision'),
    count(summary.themeRevisions, 'theme revision'),
  ];
  const plan = report.created ? 'New plan: ' : '';
  return `${plan}${parts.join(', ')}.`;
}

function listed(heading: string, lines: readonly ReportLine[]): string {
  const width = Math.max(...lines.map((entry) => lineLabel(entry).length));
  const rows = lines.map((entry) => `  ${lineLabel(entry).padEnd(width)}  ${entry.message}`);
  return [`${heading} (${lines.length}):`, ...rows].join('\n');
}

const lineLabel = ({ line }: ReportLine): string => (line === null ? 'file' : `line ${line}`);

const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;
