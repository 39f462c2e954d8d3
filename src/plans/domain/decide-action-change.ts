import type { ActionChange, ActionCommand } from './commands.js';
import { conflict, DomainError, invalid, notFound } from './errors.js';
import type { PlanEvent } from './events.js';
import { assertEffectiveDate } from './effective-date.js';
import { citedEvidence, citing } from './evidence.js';
import { assertNoPersonalData, findPersonalData } from './personal-data.js';
import type { Action, Plan } from './plan.js';
import { listedOwners } from './owner-roles.js';
import { assertSchedule } from './schedule.js';
import { LIMITS, ownerList, reasonText, requiredText } from './text-rules.js';

/** Decides a change to one action of an open plan. */
export function decideActionChange(command: ActionCommand, plan: Plan, now: string): PlanEvent[] {
  const action = changeableAction(command, plan, now);
  const ids = { planId: plan.id, actionId: action.id };
  switch (command.type) {
    case 'ChangeRagStatus': {
      const { rag } = command.data;
      if (rag === action.rag) throw invalid('rag', `Action ${action.ref} is already ${rag}`);
      const reason = reasonText(command.data.reason);
      const evidence = citing(citedEvidence(command.data.evidence));
      return [{ type: 'RagStatusChanged', data: { ...ids, from: action.rag, to: rag, reason, ...evidence } }];
    }
    case 'AddProgressNote': {
      const text = requiredText('text', command.data.text, LIMITS.longText);
      if (action.progressNotes.some((note) => note.id === command.data.noteId)) {
        throw conflict('noteId', `Action ${action.ref} already has that note`);
      }
      const suspected = findPersonalData(text);
      if (suspected.length > 0 && command.data.acknowledgePersonalData !== true) {
        throw new DomainError(
          'PERSONAL_DATA_SUSPECTED',
          'text',
          `The note seems to contain ${suspected.join(' and ')}. Progress notes must not identify children: ` +
            'remove it, or send the note again with acknowledgePersonalData: true.',
        );
      }
      const data = {
        ...ids,
        noteId: command.data.noteId,
        text,
        personalDataAcknowledged: suspected.length > 0,
        ...citing(citedEvidence(command.data.evidence)),
      };
      return [{ type: 'ProgressNoteAdded', data }];
    }
    case 'AssignActionOwners': {
      const owners = listedOwners(plan.ownerRoles, ownerList(command.data.owners));
      if (sameList(owners, action.owners))
        throw invalid('owners', `Action ${action.ref} already has those owners`);
      return [{ type: 'ActionOwnersAssigned', data: { ...ids, owners } }];
    }
    case 'RescheduleAction': {
      // Left out means unchanged; null clears the date.
      const { commencing: newCommencing, dueBy: newDueBy } = command.data;
      if (newCommencing === undefined && newDueBy === undefined) {
        throw invalid('commencing', 'Give a new commencing date, a new due date, or both');
      }
      const commencing = newCommencing === undefined ? action.commencing : newCommencing;
      const dueBy = newDueBy === undefined ? action.dueBy : newDueBy;
      // Blame the date the user sent: moving only dueBy before commencing is a dueBy problem.
      assertSchedule(commencing, dueBy, newCommencing === undefined ? 'dueBy' : 'commencing');
      if (commencing === action.commencing && dueBy === action.dueBy) {
        throw invalid(
          newDueBy === undefined ? 'commencing' : 'dueBy',
          `Action ${action.ref} already has those dates`,
        );
      }
      const reason = reasonText(command.data.reason);
      return [{ type: 'ActionRescheduled', data: { ...ids, commencing, dueBy, reason } }];
    }
    case 'ReviseActionDescription': {
      const description = assertNoPersonalData(
        'description',
        requiredText('description', command.data.description, LIMITS.longText),
      );
      if (description === action.description) {
        throw invalid('description', `Action ${action.ref} already has that description`);
      }
      const reason = reasonText(command.data.reason);
      return [{ type: 'ActionDescriptionRevised', data: { ...ids, description, reason } }];
    }
    case 'WithdrawAction': {
      const reason = reasonText(command.data.reason);
      return [{ type: 'ActionWithdrawn', data: { ...ids, reason } }];
    }
  }
}

/** The action exists, is not withdrawn, is at the version the user saw, and the effective date makes sense. */
export function changeableAction(command: { readonly data: ActionChange }, plan: Plan, now: string): Action {
  const { actionId, expectedVersion, effectiveDate } = command.data;
  const action = plan.actions.get(actionId);
  if (!action) throw notFound('actionId', 'No action has that id');
  if (action.withdrawn)
    throw conflict('actionId', `Action ${action.ref} was withdrawn: it can no longer change`);
  if (expectedVersion !== undefined && expectedVersion !== action.version) {
    throw conflict(
      'expectedVersion',
      `Action ${action.ref} has changed since you loaded it (you have version ${expectedVersion}, ` +
        `it is now at version ${action.version}): reload it and try again`,
    );
  }
  assertEffectiveDate(effectiveDate, plan, now);
  return action;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}
