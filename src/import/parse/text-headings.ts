/**
 * The prose around the tables of a Word plan pasted as text: theme headings ("1. Caseloads …"),
 * the "What needs to improve?" and "What inspectors found:" labels, and a title if there is one.
 */
import { isBlankRow, isRuleRow, readHeaderRow } from './headers.js';
import { themeNumberOfRef } from './plan-drafts.js';

export type ThemeProse = 'whatNeedsToImprove' | 'inspectorFindings';

const HEADING = /^\s*\d{1,3}\.\s+\S/;
const LABELS: readonly [ThemeProse, RegExp][] = [
  ['whatNeedsToImprove', /^\s*what needs to improve\b[\s?:]*(.*)$/i],
  ['inspectorFindings', /^\s*what (?:the )?inspectors? found\b[\s?:]*(.*)$/i],
];

export function readLabel(line: string): { label: ThemeProse; rest: string } | null {
  for (const [label, pattern] of LABELS) {
    const match = pattern.exec(line);
    if (match) return { label, rest: match[1]!.trim() };
  }
  return null;
}

const isHeadingCandidate = (line: string) => !line.includes('\t') && HEADING.test(line);

/** The line before `index` that holds anything, or undefined at the top. */
function lineAbove(lines: readonly string[], index: number): string | undefined {
  for (let above = index - 1; above >= 0; above -= 1) if (lines[above]!.trim() !== '') return lines[above];
  return undefined;
}

/**
 * A numbered line is a theme heading when, before the next numbered line, the theme's prose labels
 * follow, or a table straight below it (older plans number their actions by the inspection report's
 * paragraphs: "1." over 9.1–9.4), or a table further down whose refs share its number. A numbered
 * list in the introduction or in the inspectors' findings is prose.
 */
function opensTheme(lines: readonly string[], start: number): boolean {
  const number = Number(/\d+/.exec(lines[start]!)![0]);
  const inList = isHeadingCandidate(lineAbove(lines, start) ?? '');
  let proseBetween = false;
  let refIndex = 0;
  for (let index = start + 1; index < lines.length; index += 1) {
    const line = lines[index]!;
    if (isHeadingCandidate(line)) return false;
    if (readLabel(line) !== null) return true;
    if (!line.includes('\t')) {
      proseBetween ||= line.trim() !== '';
      continue;
    }
    const cells = line.split('\t');
    const header = readHeaderRow(cells);
    if (header !== null && !proseBetween && !inList) return true;
    if (header !== null) refIndex = header.columns.indexOf('ref');
    if (header !== null || isBlankRow(cells) || isRuleRow(cells)) continue;
    const ref = cells[refIndex]?.trim() ?? '';
    if (ref !== '') return themeNumberOfRef(ref) === number;
  }
  return false;
}

/** Indexes (0-based) of the lines that are theme headings. */
export function themeHeadingLines(lines: readonly string[]): Set<number> {
  const headings = new Set<number>();
  lines.forEach((line, index) => {
    if (isHeadingCandidate(line) && opensTheme(lines, index)) headings.add(index);
  });
  return headings;
}

/**
 * A line before the first theme that names the plan ("Children's Services Improvement Plan 2024");
 * null when there is none, as in the Isle of Wight plan (the caller then supplies one).
 */
export function findTitle(lines: readonly string[], firstThemeIndex: number): string | null {
  const title = lines
    .slice(0, firstThemeIndex)
    .map((line) => line.trim())
    .find(
      (line) =>
        !line.includes('\t') &&
        line.length <= 120 &&
        /\b(improvement|action) plan\b/i.test(line) &&
        !/[.:,;]$/.test(line),
    );
  return title ?? null;
}
