import type { DocumentTheme, PlanDocument } from '../plan-document.js';
import { type ActionDraft, finishAction } from './action-drafts.js';
import type { OwnerNames } from './owner-cells.js';
import { ParseLog } from './parse-log.js';

/** A theme (area for improvement) as its heading, prose and action rows are read. */
export interface ThemeDraft {
  readonly number: number;
  /** Null while no heading names the theme. */
  title: string | null;
  readonly line: number;
  readonly whatNeedsToImprove: string[];
  readonly inspectorFindings: string[];
  readonly actions: ActionDraft[];
}

export function newTheme(number: number, title: string | null, line: number): ThemeDraft {
  return { number, title, line, whatNeedsToImprove: [], inspectorFindings: [], actions: [] };
}

/** "1. Caseloads and the impact … intervention." → 1 and the title without the closing full stop. */
export function readThemeHeading(text: string): { number: number; title: string | null } | null {
  const match = /^(\d{1,3})\.?(?:\s+(.*))?$/.exec(text.replace(/\s+/g, ' ').trim());
  if (!match) return null;
  const title = (match[2] ?? '').replace(/\.$/, '').trim();
  return { number: Number(match[1]), title: title === '' ? null : title };
}

/** The theme an action ref belongs to: "4.1" → 4; null for refs that do not start with a number. */
export function themeNumberOfRef(ref: string): number | null {
  const match = /^(\d{1,3})(?:\.|$)/.exec(ref.trim());
  return match ? Number(match[1]) : null;
}

/**
 * The number the theme's last action starts with, when `ref` starts with another: 9 for 10.1 after
 * 9.4. Null when they agree or either has no number.
 */
export function numberBefore(theme: ThemeDraft, ref: string): number | null {
  const before = themeNumberOfRef(theme.actions.at(-1)?.ref ?? '');
  const number = themeNumberOfRef(ref);
  return before !== null && number !== null && number !== before ? before : null;
}

function prose(paragraphs: readonly string[]): string | null {
  return paragraphs.length === 0 ? null : paragraphs.join('\n\n');
}

function finishTheme(theme: ThemeDraft, ownerNames: OwnerNames, log: ParseLog): DocumentTheme {
  const refs = theme.actions.map((action) => action.ref).join(', ');
  if (theme.title === null)
    log.warn(
      theme.line,
      `Theme ${theme.number} has no heading in the document (actions ${refs}); imported as an untitled theme`,
    );
  if (theme.actions.length === 0) log.warn(theme.line, `Theme ${theme.number} has no actions`);
  return {
    number: theme.number,
    title: theme.title,
    whatNeedsToImprove: prose(theme.whatNeedsToImprove),
    inspectorFindings: prose(theme.inspectorFindings),
    actions: theme.actions.map((action) => finishAction(action, ownerNames, log)),
    line: theme.line,
  };
}

function checkRefsAreUnique(themes: readonly ThemeDraft[], log: ParseLog): void {
  const firstLine = new Map<string, number>();
  for (const action of themes.flatMap((theme) => theme.actions)) {
    const key = action.ref.toLowerCase();
    const line = firstLine.get(key);
    if (line === undefined) firstLine.set(key, action.line);
    else log.problem(action.line, `Ref ${action.ref} is used twice (lines ${line} and ${action.line})`);
  }
}

export function finishDocument(
  title: string | null,
  themes: readonly ThemeDraft[],
  ownerNames: OwnerNames,
  log: ParseLog,
): PlanDocument {
  checkRefsAreUnique(themes, log);
  if (themes.every((theme) => theme.actions.length === 0)) log.problem(null, 'No actions found in the file');
  return { title, inspection: null, themes: themes.map((theme) => finishTheme(theme, ownerNames, log)) };
}

/** What a file we could not read at all yields, beside its problem. */
export function emptyDocument(): PlanDocument {
  return { title: null, inspection: null, themes: [] };
}
