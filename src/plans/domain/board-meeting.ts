import type { RecordBoardMeeting } from './commands.js';
import { conflict, invalid } from './errors.js';
import type { PlanEvent } from './events.js';
import { isCalendarDate, ukDate } from './plan-date.js';
import type { Plan } from './plan.js';
import { LIMITS, optionalText, requiredText } from './text-rules.js';

/** A board meeting is recorded once held, on a day the plan existed (its earliest effective day on). */
export function recordBoardMeeting({ data }: RecordBoardMeeting, plan: Plan, now: string): PlanEvent[] {
  if (plan.boardMeetings.some((meeting) => meeting.id === data.meetingId)) {
    throw conflict('meetingId', 'That board meeting is already recorded');
  }
  if (!isCalendarDate(data.heldOn)) throw invalid('heldOn', 'heldOn must be a date "YYYY-MM-DD"');
  if (data.heldOn > ukDate(now))
    throw invalid('heldOn', 'A board meeting can be recorded once it has been held');
  // Reports start at the plan's earliest day: a board before it would review a plan not yet there.
  if (data.heldOn < plan.earliestEffectiveDate) {
    throw invalid(
      'heldOn',
      `The plan did not exist yet on ${data.heldOn}: it is recorded from ${plan.earliestEffectiveDate}`,
    );
  }
  const minutesUrl = optionalText('minutesUrl', data.minutesUrl, LIMITS.url);
  if (minutesUrl !== null && !isWebAddress(minutesUrl)) {
    throw invalid('minutesUrl', 'minutesUrl must be a web address starting with https:// or http://');
  }
  const title = requiredText('title', data.title, LIMITS.title);
  return [
    {
      type: 'BoardMeetingRecorded',
      data: { planId: plan.id, meetingId: data.meetingId, heldOn: data.heldOn, title, minutesUrl },
    },
  ];
}

function isWebAddress(value: string): boolean {
  return URL.canParse(value) && ['https:', 'http:'].includes(new URL(value).protocol);
}
