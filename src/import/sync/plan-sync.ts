import type { Action, Plan } from '../../plans/domain/plan.js';
import type { DocumentTheme, PlanDocument } from '../plan-document.js';
import { addAction, syncAction, type SyncContext } from './action-sync.js';
import { SyncCollector, type SyncResult } from './sync-result.js';
import { sameText } from './sync-text.js';

export interface SyncOptions {
  readonly planId: string;
  /** Named in the reason of every change the import records: "imported from plan-may.xlsx". */
  readonly fileName: string;
  /** Title of a new plan; without it the document's own title is used. */
  readonly title?: string | null;
  /** The local authority of a new plan (the importer's own, when their sign-in names one). */
  readonly localAuthority?: string | null;
  /** The person importing has checked the progress notes that look like they identify a child. */
  readonly acknowledgePersonalData?: boolean;
  /** "YYYY-MM-DD" the file's changes took effect ("as at 31 March"), already checked; else today. */
  readonly effectiveDate?: string | null;
  readonly newId: () => string;
}

/**
 * The commands that bring a plan in line with a council's document: a new plan is created whole;
 * an existing one gets only the differences, as the ordinary change events a person would record,
 * so monthly spreadsheet updates build a real history. Pure: ids come from `newId`.
 */
export function syncCommands(
  document: PlanDocument,
  plan: Plan | undefined,
  options: SyncOptions,
): SyncResult {
  const sync = new SyncCollector(options.effectiveDate ?? null);
  if (!plan) createPlan(document, options, sync);
  const themeIds = syncThemes(document, plan, options, sync);
  const context: SyncContext = {
    planId: options.planId,
    reason: `imported from ${options.fileName}`,
    acknowledgePersonalData: options.acknowledgePersonalData === true,
    newId: options.newId,
    sync,
  };
  const existing = actionsByRef(plan);
  for (const theme of document.themes) {
    const themeId = themeIds.get(theme.number)!;
    for (const action of theme.actions) {
      const current = existing.get(action.ref.toLowerCase());
      if (!current) addAction(action, themeId, context);
      else if (current.withdrawn) {
        sync.warn(action.line, `Action ${current.ref} was withdrawn from the plan: its row is left out`);
      } else {
        if (current.themeId !== themeId) {
          sync.warn(
            action.line,
            `Action ${current.ref} is under theme ${theme.number} in the file: ` +
              'actions are not moved between themes by import',
          );
        }
        syncAction(action, current, context);
      }
    }
  }
  reportActionsNotInFile(document, plan, sync);
  return sync.result();
}

function createPlan(document: PlanDocument, options: SyncOptions, sync: SyncCollector): void {
  const title = options.title?.trim() || document.title?.trim() || '';
  if (title === '') sync.problem(null, 'A new plan needs a title: the file has none, so give one');
  const inspection = document.inspection && { ...document.inspection };
  sync.step(
    {
      type: 'CreatePlan',
      data: {
        planId: options.planId,
        title,
        inspection,
        ...(options.localAuthority ? { localAuthority: options.localAuthority } : {}),
      },
    },
    null,
    `Create plan "${title}"`,
  );
}

/** Themes are matched by number; the ids of every theme of the document, new or existing. */
function syncThemes(
  document: PlanDocument,
  plan: Plan | undefined,
  options: SyncOptions,
  sync: SyncCollector,
): Map<number, string> {
  const ids = new Map<number, string>();
  for (const theme of document.themes) {
    const current = plan?.themes.find((candidate) => candidate.number === theme.number);
    if (current) {
      ids.set(theme.number, current.id);
      reviseThemeIfDiffers(theme, current, options, sync);
      continue;
    }
    const themeId = options.newId();
    ids.set(theme.number, themeId);
    const { number, title, whatNeedsToImprove, inspectorFindings } = theme;
    sync.step(
      {
        type: 'AddTheme',
        data: { planId: options.planId, themeId, number, title, whatNeedsToImprove, inspectorFindings },
      },
      theme.line,
      `Add theme ${number} ${title === null ? '(no heading)' : `"${title}"`}`,
    );
  }
  return ids;
}

/**
 * A heading or prose that differs from the plan's is revised, as a person would correct it. What
 * the document leaves blank (an untitled section, no prose) is kept: the plan may have been completed
 * in the app since the last import.
 */
function reviseThemeIfDiffers(
  theme: DocumentTheme,
  current: Plan['themes'][number],
  options: SyncOptions,
  sync: SyncCollector,
): void {
  const differs = (inFile: string | null, inPlan: string | null) =>
    inFile !== null && !sameText(withoutFullStop(inFile), withoutFullStop(inPlan ?? ''));
  const revised = {
    title: differs(theme.title, current.title) ? theme.title : undefined,
    whatNeedsToImprove: differs(theme.whatNeedsToImprove, current.whatNeedsToImprove)
      ? theme.whatNeedsToImprove
      : undefined,
    inspectorFindings: differs(theme.inspectorFindings, current.inspectorFindings)
      ? theme.inspectorFindings
      : undefined,
  };
  if (Object.values(revised).every((value) => value === undefined)) return;
  const data = {
    planId: options.planId,
    themeId: current.id,
    ...revised,
    reason: `imported from ${options.fileName}`,
  };
  sync.step({ type: 'ReviseTheme', data }, theme.line, `Revise theme ${theme.number}`);
}

/** Keyed by lower-case ref, as the domain compares refs. */
function actionsByRef(plan: Plan | undefined): Map<string, Action> {
  return new Map([...(plan?.actions.values() ?? [])].map((action) => [action.ref.toLowerCase(), action]));
}

/** Leaving a row out of the spreadsheet is too easy to do by accident to withdraw the action. */
function reportActionsNotInFile(document: PlanDocument, plan: Plan | undefined, sync: SyncCollector): void {
  if (!plan) return;
  const inFile = new Set(document.themes.flatMap((theme) => theme.actions.map((a) => a.ref.toLowerCase())));
  for (const action of plan.actions.values()) {
    if (!action.withdrawn && !inFile.has(action.ref.toLowerCase())) {
      sync.warn(
        null,
        `Action ${action.ref} is in the plan but not in the file: it is left as it is ` +
          '(withdraw it in the plan if it no longer belongs)',
      );
    }
  }
}

/** Headings are read without their closing full stop ("1. Caseloads … intervention."). */
const withoutFullStop = (text: string): string => text.trim().replace(/\.$/, '');
