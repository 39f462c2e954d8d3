import type { DataProblem } from './check-data-rules.js';
import type { DataCheck } from './check-data-store.js';

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** `improvementPlan-…  revision 3  audit hash chain broken here…`, or `events.db  integrity check: …`. */
export function problemLine(problem: DataProblem): string {
  const where = [
    problem.file,
    problem.stream,
    problem.revision === undefined ? undefined : `revision ${problem.revision}`,
  ]
    .filter((part) => part !== undefined)
    .join('  ');
  return `${where}  ${problem.message}`;
}

/** The summary, then each problem on a line of its own. */
export function dataCheckReport(dataDir: string, check: DataCheck): string {
  const summary =
    `Checked ${check.filesChecked.join(' and ')} in ${dataDir}: ` +
    `${count(check.streams, 'stream', 'streams')}, ${count(check.events, 'event', 'events')}.\n`;
  if (check.problems.length === 0) return `${summary}No problems found.\n`;
  return (
    `${summary}${count(check.problems.length, 'problem', 'problems')} found:\n` +
    check.problems.map((problem) => `${problemLine(problem)}\n`).join('')
  );
}
