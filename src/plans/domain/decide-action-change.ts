import type { ActionCommand } from './commands.js';
import { conflict, DomainError, invalid, notFound } from './errors.js';
import type { PlanEvent } from './events.js';
import { isCalendarDate, ukDate } from './plan-date.js';
import { findPersonalData } from './personal-data.js';
import type { Action, Plan } from './plan.js';
import { assertSchedule } from './schedule.js';
import { LIMITS, ownerList, requiredText } from './text-rules.js';

/** Decides a change to one action of an open plan. */
export function decideActionChange(command: ActionCommand, plan: Plan, now: string): PlanEvent[] {
  const action = changeableAction(command, plan, now);
  const ids = { planId: plan.id, actionId: action.id };
  switch (command.type) {
    case 'ChangeRagStatus': {
      const { rag } = command.data;
      if (rag === action.rag) throw invalid('rag', `Action ${action.ref} is already ${rag}`);
      const reason = requiredText('reason', command.data.reason, LIMITS.reason);
      return [{ type: 'RagStatusChanged', data: { ...ids, from: action.rag, to: rag, reason } }];
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
      };
      return [{ type: 'ProgressNoteAdded', data }];
    }
    case 'AssignActionOwners': {
      const owners = ownerList(command.data.owners);
      if (sameList(owners, action.owners))
        throw invalid('owners', `Action ${action.ref} already has those owners`);
      return [{ type: 'ActionOwnersAssigned', data: { ...ids, owners } }];
    }
    case 'RescheduleAction': {
      // Left out means unchanged; null clears the date.
      const commencing = command.data.commencing === undefined ? action.commencing : command.data.commencing;
      const dueBy = command.data.dueBy === undefined ? action.dueBy : command.data.dueBy;
      assertSchedule(commencing, dueBy);
      if (commencing === action.commencing && dueBy === action.dueBy) {
        throw invalid('dueBy', `Action ${action.ref} already has those dates`);
      }
      const reason = requiredText('reason', command.data.reason, LIMITS.reason);
      return [{ type: 'ActionRescheduled', data: { ...ids, commencing, dueBy, reason } }];
    }
    case 'ReviseActionDescription': {
      const description = requiredText('description', command.data.description, LIMITS.longText);
      if (description === action.description) {
        throw invalid('description', `Action ${action.ref} already has that description`);
      }
      const reason = requiredText('reason', command.data.reason, LIMITS.reason);
      return [{ type: 'ActionDescriptionRevised', data: { ...ids, description, reason } }];
    }
    case 'WithdrawAction': {
      const reason = requiredText('reason', command.data.reason, LIMITS.reason);
      return [{ type: 'ActionWithdrawn', data: { ...ids, reason } }];
    }
  }
}

/** The action exists, is not withdrawn, is at the version the user saw, and the effective date makes sense. */
function changeableAction(command: ActionCommand, plan: Plan, now: string): Action {
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
  if (effectiveDate !== undefined && effectiveDate !== null) {
    if (!isCalendarDate(effectiveDate))
      throw invalid('effectiveDate', 'effectiveDate must be a date "YYYY-MM-DD"');
    if (effectiveDate > ukDate(now)) throw invalid('effectiveDate', 'effectiveDate cannot be in the future');
  }
  return action;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}
