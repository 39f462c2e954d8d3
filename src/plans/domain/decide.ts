import type { ReviseTheme, AddAction, AddTheme, ClosePlan, CreatePlan, PlanCommand } from './commands.js';
import { decideActionUpdate } from './action-update.js';
import { recordBoardMeeting } from './board-meeting.js';
import { decideActionChange } from './decide-action-change.js';
import { listOwnerRole, retireOwnerRole } from './decide-owner-roles.js';
import { assertEffectiveDate } from './effective-date.js';
import { conflict, invalid, notFound, noSuchPlan } from './errors.js';
import type { Inspection, PlanEvent } from './events.js';
import { isCalendarDate } from './plan-date.js';
import { assertNoPersonalData } from './personal-data.js';
import { redactText } from './redact-text.js';
import { listedOwners } from './owner-roles.js';
import { assertSchedule } from './schedule.js';
import type { Plan } from './plan.js';
import { actionRef, LIMITS, optionalText, ownerList, reasonText, requiredText } from './text-rules.js';

/**
 * Decides what a command means for a plan: the events to record, or a DomainError.
 * Pure: time comes in as `now` (ISO instant), state as the plan folded by `evolve`.
 */
export function decide(command: PlanCommand, plan: Plan | undefined, now: string): PlanEvent[] {
  if (command.type === 'CreatePlan') return createPlan(command, plan, now);
  if (!plan) throw noSuchPlan();
  // Erasing personal data is a duty that outlives the plan: a closed plan's texts can still be erased.
  if (command.type === 'RedactText') return redactText(command, plan);
  if (plan.status === 'CLOSED')
    throw conflict('planId', `The plan "${plan.title}" is closed: it can no longer change`);
  switch (command.type) {
    case 'ApprovePlan':
      if (plan.status !== 'DRAFT') throw conflict('planId', 'Only a draft plan can be approved');
      return [{ type: 'PlanApproved', data: { planId: plan.id } }];
    case 'ClosePlan':
      return closePlan(command, plan);
    case 'AddTheme':
      assertEffectiveDate(command.data.effectiveDate, plan, now);
      return addTheme(command, plan);
    case 'ReviseTheme':
      return reviseTheme(command, plan);
    case 'AddAction':
      assertEffectiveDate(command.data.effectiveDate, plan, now);
      return addAction(command, plan);
    case 'RecordBoardMeeting':
      return recordBoardMeeting(command, plan, now);
    case 'RecordActionUpdate':
      return decideActionUpdate(command, plan, now);
    case 'ListOwnerRole':
      return listOwnerRole(command, plan);
    case 'RetireOwnerRole':
      return retireOwnerRole(command, plan);
    default:
      return decideActionChange(command, plan, now);
  }
}

function createPlan({ data }: CreatePlan, existing: Plan | undefined, now: string): PlanEvent[] {
  if (existing) throw conflict('planId', 'A plan with that id already exists');
  const inspection = data.inspection ? validInspection(data.inspection) : null;
  assertEffectiveDate(data.effectiveDate, { inspection }, now);
  return [
    {
      type: 'PlanCreated',
      data: {
        planId: data.planId,
        title: requiredText('title', data.title, LIMITS.title),
        localAuthority: optionalText('localAuthority', data.localAuthority, LIMITS.shortText),
        inspection,
      },
    },
  ];
}

function validInspection(inspection: Inspection): Inspection {
  for (const field of ['startDate', 'endDate'] as const) {
    if (!isCalendarDate(inspection[field])) {
      throw invalid(`inspection.${field}`, `inspection.${field} must be a date "YYYY-MM-DD"`);
    }
  }
  if (inspection.startDate > inspection.endDate) {
    throw invalid('inspection.endDate', 'The inspection cannot end before it starts');
  }
  return {
    inspectorate: requiredText('inspection.inspectorate', inspection.inspectorate, LIMITS.shortText),
    framework: requiredText('inspection.framework', inspection.framework, LIMITS.shortText),
    startDate: inspection.startDate,
    endDate: inspection.endDate,
    judgement: inspection.judgement,
  };
}

function closePlan({ data }: ClosePlan, plan: Plan): PlanEvent[] {
  return [
    {
      type: 'PlanClosed',
      data: { planId: plan.id, reason: reasonText(data.reason) },
    },
  ];
}

function addTheme({ data }: AddTheme, plan: Plan): PlanEvent[] {
  if (plan.themes.some((theme) => theme.id === data.themeId))
    throw conflict('themeId', 'That theme already exists');
  if (!Number.isInteger(data.number) || data.number < 1) {
    throw invalid('number', 'number must be a whole number from 1');
  }
  if (plan.themes.some((theme) => theme.number === data.number)) {
    throw invalid('number', `The plan already has a theme numbered ${data.number}`);
  }
  return [
    {
      type: 'ThemeAdded',
      data: {
        planId: plan.id,
        themeId: data.themeId,
        number: data.number,
        title: optionalText('title', data.title, LIMITS.title),
        whatNeedsToImprove: optionalText('whatNeedsToImprove', data.whatNeedsToImprove, LIMITS.longText),
        inspectorFindings: optionalText('inspectorFindings', data.inspectorFindings, LIMITS.longText),
      },
    },
  ];
}

function addAction({ data }: AddAction, plan: Plan): PlanEvent[] {
  if (!plan.themes.some((theme) => theme.id === data.themeId)) {
    throw notFound('themeId', 'The plan has no theme with that id');
  }
  if (plan.actions.has(data.actionId)) throw conflict('actionId', 'That action already exists');
  const ref = actionRef(data.ref);
  if ([...plan.actions.values()].some((action) => action.ref.toLowerCase() === ref.toLowerCase())) {
    throw invalid('ref', `The plan already has an action ${ref}`);
  }
  const commencing = data.commencing ?? null;
  const dueBy = data.dueBy ?? null;
  assertSchedule(commencing, dueBy);
  return [
    {
      type: 'ActionAdded',
      data: {
        planId: plan.id,
        actionId: data.actionId,
        themeId: data.themeId,
        ref,
        description: assertNoPersonalData(
          'description',
          requiredText('description', data.description, LIMITS.longText),
        ),
        owners: listedOwners(plan.ownerRoles, ownerList(data.owners ?? [])),
        commencing,
        dueBy,
        rag: data.rag ?? 'NOT_RATED',
      },
    },
  ];
}

function reviseTheme({ data }: ReviseTheme, plan: Plan): PlanEvent[] {
  const theme = plan.themes.find((candidate) => candidate.id === data.themeId);
  if (!theme) throw notFound('themeId', 'The plan has no theme with that id');
  // Left out: unchanged; null or blank: cleared.
  const revised = (field: 'title' | 'whatNeedsToImprove' | 'inspectorFindings', max: number) =>
    data[field] === undefined ? theme[field] : optionalText(field, data[field], max);
  const title = revised('title', LIMITS.title);
  const whatNeedsToImprove = revised('whatNeedsToImprove', LIMITS.longText);
  const inspectorFindings = revised('inspectorFindings', LIMITS.longText);
  if (
    title === theme.title &&
    whatNeedsToImprove === theme.whatNeedsToImprove &&
    inspectorFindings === theme.inspectorFindings
  ) {
    throw invalid('title', `Theme ${theme.number} already says that`);
  }
  const reason = reasonText(data.reason);
  const ids = { planId: plan.id, themeId: theme.id };
  return [{ type: 'ThemeRevised', data: { ...ids, title, whatNeedsToImprove, inspectorFindings, reason } }];
}
