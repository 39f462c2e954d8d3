import { invalid } from '../domain/errors.js';
import type { PointInTime } from '../read-models/plan-at.js';

/** At most one of the time-travel arguments; none means now. */
export function pointInTime(args: {
  asOf?: string | null;
  asOfBoardMeeting?: string | null;
  asOfVersion?: number | null;
}): PointInTime | undefined {
  const given = Object.entries(args).filter(([, value]) => value !== undefined && value !== null);
  if (given.length > 1) {
    throw invalid(given[1]![0], 'Give only one of asOf, asOfBoardMeeting and asOfVersion');
  }
  if (args.asOf) return { instant: new Date(args.asOf) };
  if (args.asOfBoardMeeting) return { boardMeetingId: args.asOfBoardMeeting };
  if (args.asOfVersion !== undefined && args.asOfVersion !== null) {
    if (args.asOfVersion < 1) throw invalid('asOfVersion', 'asOfVersion counts events from 1');
    return { version: args.asOfVersion };
  }
  return undefined;
}
