import { invalid } from '../plans/domain/errors.js';
import { parsePointInTime } from '../plans/domain/point-in-time.js';
import type { BoardPackRequest } from './board-pack.query.js';
import { MAX_STALE_AFTER_DAYS } from './domain/stale.js';

/** How the caller spelt each option (query parameters, or command-line flags), for error messages. */
export interface OptionNames {
  readonly asOf: string;
  readonly boardMeeting: string;
  readonly staleAfterDays: string;
}

const QUERY_PARAMETERS: OptionNames = {
  asOf: 'asOf',
  boardMeeting: 'boardMeeting',
  staleAfterDays: 'staleAfterDays',
};

export interface BoardPackOptions {
  readonly asOf?: string;
  readonly boardMeeting?: string;
  readonly staleAfterDays?: string;
}

/**
 * An instant with its offset ("2024-05-14T17:00:00Z"), or a UK calendar day ("2024-05-14"),
 * which means the end of that day, as a board meeting does: the one rule in domain/point-in-time.ts.
 */
export const parseAsOf = (value: string, name = 'asOf'): Date => parsePointInTime(value, name);

export function parseStaleAfterDays(value: string, name = 'staleAfterDays'): number {
  const days = /^\d{1,5}$/.test(value) ? Number(value) : Number.NaN;
  if (!(days >= 1 && days <= MAX_STALE_AFTER_DAYS)) {
    throw invalid(name, `${name} must be a whole number of days from 1 to ${MAX_STALE_AFTER_DAYS}`);
  }
  return days;
}

/** Checks and converts the options of a board pack request; nothing is looked up yet. */
export function boardPackRequest(
  planId: string,
  options: BoardPackOptions,
  names: OptionNames = QUERY_PARAMETERS,
): BoardPackRequest {
  const { asOf, boardMeeting, staleAfterDays } = options;
  if (asOf !== undefined && boardMeeting !== undefined) {
    throw invalid(names.boardMeeting, `Give either ${names.asOf} or ${names.boardMeeting}, not both`);
  }
  if (boardMeeting !== undefined && boardMeeting.trim() === '') {
    throw invalid(names.boardMeeting, `${names.boardMeeting} must be a board meeting id`);
  }
  return {
    planId,
    ...(asOf !== undefined ? { asOf: parseAsOf(asOf, names.asOf) } : {}),
    ...(boardMeeting !== undefined ? { boardMeetingId: boardMeeting.trim() } : {}),
    ...(staleAfterDays !== undefined
      ? { staleAfterDays: parseStaleAfterDays(staleAfterDays, names.staleAfterDays) }
      : {}),
  };
}
