import type { PlanCommand } from '../../plans/domain/commands.js';
import { findPersonalData } from '../../plans/domain/personal-data.js';
import type { Action } from '../../plans/domain/plan.js';
import type { RagStatus } from '../../plans/domain/rag.js';
import { sameOwnerNames } from '../parse/owners.js';
import { planDateText } from '../plan-date-text.js';
import type { DocumentAction } from '../plan-document.js';
import type { SyncCollector } from './sync-result.js';
import { normaliseText, paragraphsOf, sameText } from './sync-text.js';

export interface SyncContext {
  readonly planId: string;
  /** "imported from <file>": boards ask why a RAG moved, and this says where it came from. */
  readonly reason: string;
  readonly acknowledgePersonalData: boolean;
  readonly newId: () => string;
  readonly sync: SyncCollector;
}

/** A row whose ref the plan does not have yet: the action as the file states it, then its progress. */
export function addAction(action: DocumentAction, themeId: string, context: SyncContext): void {
  const actionId = context.newId();
  const { ref, description, owners, commencing, dueBy, rag } = action;
  checkDescription(action, context);
  context.sync.step(
    {
      type: 'AddAction',
      data: { planId: context.planId, actionId, themeId, ref, description, owners, commencing, dueBy, rag },
    },
    action.line,
    `Add action ${ref} (${ragText(rag)})`,
  );
  addProgress(action, actionId, new Set(), context);
}

/** A row the plan already has: each difference becomes the change a person would have recorded. */
export function syncAction(row: DocumentAction, action: Action, context: SyncContext): void {
  const { sync, reason } = context;
  const actionId = action.id;
  const step = (command: PlanCommand, change: string) =>
    sync.step(command, row.line, `Action ${action.ref}: ${change}`);
  if (row.rag !== action.rag) {
    if (row.rag === 'NOT_RATED') {
      sync.warn(
        row.line,
        `Action ${action.ref}: the RAG cell is blank, so the action becomes not rated (it was ${action.rag})`,
      );
    }
    step(
      { type: 'ChangeRagStatus', data: { actionId, rag: row.rag, reason } },
      `RAG ${ragText(action.rag)} → ${ragText(row.rag)}`,
    );
  }
  if (!sameText(row.description, action.description)) {
    checkDescription(row, context);
    step(
      { type: 'ReviseActionDescription', data: { actionId, description: row.description, reason } },
      'description revised',
    );
  }
  // "LIRO" in last month's plan and "Lead IRO" in this month's file are the same owner: no change.
  if (!sameOwnerNames(row.owners, action.owners)) {
    step(
      { type: 'AssignActionOwners', data: { actionId, owners: row.owners } },
      `owners ${ownersText(action.owners)} → ${ownersText(row.owners)}`,
    );
  }
  if (row.commencing !== action.commencing || row.dueBy !== action.dueBy) {
    step(
      { type: 'RescheduleAction', data: { actionId, commencing: row.commencing, dueBy: row.dueBy, reason } },
      `rescheduled ${scheduleText(action)} → ${scheduleText(row)}`,
    );
  }
  const recorded = new Set(action.progressNotes.flatMap((note) => paragraphsOf(note.text)));
  addProgress(row, actionId, recorded, context);
}

/** Progress accumulates: a paragraph already recorded as (part of) a note is not recorded again. */
function addProgress(
  row: DocumentAction,
  actionId: string,
  recorded: Set<string>,
  context: SyncContext,
): void {
  const { sync, acknowledgePersonalData } = context;
  for (const paragraph of row.progress) {
    const key = normaliseText(paragraph);
    if (key === '' || recorded.has(key)) continue;
    recorded.add(key);
    const suspected = findPersonalData(paragraph);
    if (suspected.length > 0) {
      const found = `Action ${row.ref}: a progress paragraph seems to contain ${suspected.join(' and ')}`;
      if (acknowledgePersonalData)
        sync.warn(row.line, `${found}; recorded because personal data was acknowledged`);
      else
        sync.problem(
          row.line,
          `${found}. Progress notes must not identify children: remove it from the file, ` +
            'or import again acknowledging personal data once checked',
        );
    }
    sync.step(
      {
        type: 'AddProgressNote',
        data: { actionId, noteId: context.newId(), text: paragraph.trim(), acknowledgePersonalData },
      },
      row.line,
      `Action ${row.ref}: new progress note "${excerpt(key)}"`,
    );
  }
}

/** The domain refuses such a description outright; saying so here lists every one, not just the first. */
function checkDescription(row: DocumentAction, { sync }: SyncContext): void {
  const suspected = findPersonalData(row.description);
  if (suspected.length > 0) {
    sync.problem(
      row.line,
      `Action ${row.ref}: the description seems to contain ${suspected.join(' and ')}. ` +
        'Plans must not identify children: remove it from the file',
    );
  }
}

const ragText = (rag: RagStatus): string => (rag === 'NOT_RATED' ? 'not rated' : rag);

const ownersText = (owners: readonly string[]): string =>
  owners.length === 0 ? '(none)' : owners.join(', ');

function scheduleText({ commencing, dueBy }: Pick<Action, 'commencing' | 'dueBy'>): string {
  const parts = [
    commencing && `commencing ${planDateText(commencing)}`,
    dueBy && `due by ${planDateText(dueBy)}`,
  ].filter(Boolean);
  return parts.length === 0 ? '(no dates)' : parts.join(', ');
}

function excerpt(text: string): string {
  return text.length <= 60 ? text : `${text.slice(0, 57)}…`;
}
