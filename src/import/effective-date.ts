import type { PlanCommand } from '../plans/domain/commands.js';
import { invalid } from '../plans/domain/errors.js';
import { isCalendarDate, ukDate } from '../plans/domain/plan-date.js';

/**
 * Every command whose data may say the day it took effect. Kept in step with the commands by the
 * compiler: a command that gains (or loses) `effectiveDate` fails to compile here until it is listed.
 */
type DatedCommands = {
  [Command in PlanCommand as 'effectiveDate' extends keyof Command['data'] ? Command['type'] : never]: true;
};

const ACCEPTS_EFFECTIVE_DATE: DatedCommands = {
  CreatePlan: true,
  AddTheme: true,
  AddAction: true,
  ChangeRagStatus: true,
  AddProgressNote: true,
  AssignActionOwners: true,
  RescheduleAction: true,
  ReviseActionDescription: true,
  WithdrawAction: true,
  RecordActionUpdate: true,
};

/**
 * The day an import's changes took effect: a monthly spreadsheet "as at 31 March" typed in on
 * 4 April. A real day "YYYY-MM-DD", not after today (UK time); null when not given.
 */
export function importEffectiveDate(value: string | null | undefined, now: Date): string | null {
  if (value === undefined || value === null) return null;
  if (!isCalendarDate(value))
    throw invalid('effectiveDate', `The effective date must be a day "YYYY-MM-DD", got "${value}"`);
  if (value > ukDate(now.toISOString()))
    throw invalid(
      'effectiveDate',
      `The effective date ${value} is in the future: an import records what has already happened`,
    );
  return value;
}

/** The command as recorded effective on that day, when it can say so; else as it is. */
export function dated(command: PlanCommand, effectiveDate: string | null): PlanCommand {
  if (effectiveDate === null || !Object.hasOwn(ACCEPTS_EFFECTIVE_DATE, command.type)) return command;
  return { ...command, data: { ...command.data, effectiveDate } } as PlanCommand;
}
