import { invalid, notFound } from '../domain/errors.js';
import { boardMeetingPoint, notAfterNow, notAfterToday } from '../domain/point-in-time.js';
import type { Plan } from '../domain/plan.js';
import type { PlanTimeline } from './plan-timeline.js';

/**
 * A point in transaction time: an instant (inclusive), a plan version (events recorded), or a
 * board meeting, which stands for the end of the UK day it was held. None is later than now.
 */
export type PointInTime =
  | { readonly instant: Date; readonly argument?: string }
  | { readonly version: number }
  | { readonly boardMeetingId: string };

/**
 * A plan as recorded at a point in time (asOf null: as recorded now) and, with effectiveOn, as it
 * stood in effect on that day according to what had been recorded then.
 */
export type PlanAt = Plan & { readonly asOf: string | null; readonly effectiveOn: string | null };

/** The plan at a point in time, from its timeline; NOT_FOUND when it did not exist yet then. */
export function planAt(
  current: Plan,
  timeline: PlanTimeline,
  at: PointInTime | undefined,
  effectiveOn: string | undefined,
  now: Date,
): PlanAt {
  if (!at && effectiveOn === undefined) return { ...current, asOf: null, effectiveOn: null };
  if (effectiveOn !== undefined) notAfterToday(effectiveOn, now, 'effectiveOn');
  const { version, asOf, field } = at
    ? locate(current, timeline, at, now)
    : { version: current.version, asOf: null, field: 'asOf' };
  if (version === 0) throw notFound(field, `The plan did not exist yet at ${asOf}`);
  if (effectiveOn === undefined) return { ...timeline.stateAtVersion(version)!, asOf, effectiveOn: null };
  const plan = timeline.stateInEffect(version, effectiveOn);
  if (!plan) {
    const known = asOf === null ? '' : ` by what was recorded at ${asOf}`;
    throw notFound('effectiveOn', `The plan was not in effect yet on ${effectiveOn}${known}`);
  }
  return { ...plan, asOf, effectiveOn };
}

function locate(current: Plan, timeline: PlanTimeline, at: PointInTime, now: Date) {
  if ('version' in at) {
    // Versions count from 1 (the plan's creation); a later one is not "now" but a mistake.
    if (at.version > current.version) {
      throw invalid('asOfVersion', `The plan is at version ${current.version}: asOfVersion cannot be later`);
    }
    const version = Math.max(at.version, 1);
    return { version, asOf: timeline.recordedAtOf(version), field: 'asOfVersion' };
  }
  if ('instant' in at) {
    const field = at.argument ?? 'asOf';
    const instant = notAfterNow(at.instant, now, field);
    return { version: timeline.versionAt(instant), asOf: instant.toISOString(), field };
  }
  const meeting = current.boardMeetings.find((candidate) => candidate.id === at.boardMeetingId);
  if (!meeting) throw notFound('asOfBoardMeeting', 'The plan has no board meeting with that id');
  const end = boardMeetingPoint(meeting.heldOn, now);
  return { version: timeline.versionAt(end), asOf: end.toISOString(), field: 'asOfBoardMeeting' };
}
