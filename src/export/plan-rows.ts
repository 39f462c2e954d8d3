import { COLUMN_NAMES, type Column } from '../import/parse/headers.js';
import type { PlanDate } from '../plans/domain/plan-date.js';
import { activeActions, type Action, type Plan, type Theme } from '../plans/domain/plan.js';
import type { RagStatus } from '../plans/domain/rag.js';

/** The council layout the CSV and XLSX parsers read (see src/import/parse/csv.ts), column by column. */
export const EXPORT_COLUMNS: readonly Column[] = [
  'theme',
  'whatNeedsToImprove',
  'inspectorFindings',
  'ref',
  'description',
  'owners',
  'commencing',
  'dueBy',
  'rag',
  'progress',
];

export const EXPORT_HEADER: readonly string[] = EXPORT_COLUMNS.map((column) => COLUMN_NAMES[column]);

/** One row of the export; dates stay dates so each format can write them its own way. */
export type PlanRow = Record<Exclude<Column, 'commencing' | 'dueBy'>, string> & {
  readonly commencing: PlanDate | null;
  readonly dueBy: PlanDate | null;
};

const RAG_LETTERS: Record<RagStatus, string> = { RED: 'R', AMBER: 'A', GREEN: 'G', BLUE: 'B', NOT_RATED: '' };

/**
 * The plan as rows: themes by number, each action on its own row with its theme named, the theme's
 * prose on its first row, and a theme with no actions on a row of its own. Withdrawn actions are
 * left out, as they are from the plan.
 */
export function planRows(plan: Plan): PlanRow[] {
  const actions = activeActions(plan);
  return [...plan.themes]
    .sort((a, b) => a.number - b.number)
    .flatMap((theme) => {
      const prose = {
        whatNeedsToImprove: literalText(theme.whatNeedsToImprove ?? ''),
        inspectorFindings: literalText(theme.inspectorFindings ?? ''),
      };
      const rows = actions
        .filter((action) => action.themeId === theme.id)
        .map((action, index) => ({ ...actionRow(theme, action), ...(index === 0 ? prose : {}) }));
      return rows.length > 0 ? rows : [{ ...emptyRow(theme), ...prose }];
    });
}

function emptyRow(theme: Theme): PlanRow {
  return {
    theme: theme.title === null ? `${theme.number}.` : `${theme.number}. ${headingTitle(theme.title)}`,
    whatNeedsToImprove: '',
    inspectorFindings: '',
    ref: '',
    description: '',
    owners: '',
    commencing: null,
    dueBy: null,
    rag: '',
    progress: '',
  };
}

function actionRow(theme: Theme, action: Action): PlanRow {
  return {
    ...emptyRow(theme),
    ref: action.ref,
    description: literalText(action.description),
    // One owner per line: the parser never splits a line that is a known role (the plan's own owners).
    owners: action.owners.join('\n'),
    commencing: action.commencing,
    dueBy: action.dueBy,
    rag: RAG_LETTERS[action.rag],
    progress: action.progressNotes.map((note) => literalText(note.text)).join('\n\n'),
  };
}

/**
 * The import drops one full stop ending a heading ("1. Caseloads." is "Caseloads") and compares
 * titles without it; a title ending in more than one ("Next steps..") gets the one it drops.
 */
const headingTitle = (title: string): string => (/\.\.$/.test(title) ? `${title}.` : title);

/**
 * The parser reads `<p>` tags and HTML entities, as Word pastes them; text that only looks like them
 * ("<5 visits" is safe, "<b>" is not) is escaped so that it reads back exactly as written.
 */
function literalText(text: string): string {
  return text.replace(/&(?=#x[0-9a-f]+;|#[0-9]+;|[a-z]+;)/gi, '&amp;').replace(/<(?=\/?[a-z])/gi, '&lt;');
}
