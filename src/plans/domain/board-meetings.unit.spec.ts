import { describe, expect, it } from '@jest/globals';
import { foldPlan, given, recorded } from '../../../test/support/decider-spec.js';
import {
  ACTION_ID,
  actionAdded,
  boardMeetingRecorded,
  MEETING_ID,
  planClosed,
  planCreated,
  recordBoardMeeting,
  themeAdded,
} from '../../../test/support/plan-builders.js';

/** Created on 1 April, before the April board the builders record. */
const created = () => recorded(planCreated(), { recordedAt: '2024-04-01T09:00:00.000Z' });

describe('recording a board meeting', () => {
  it('records the meeting with its date, title and minutes', () =>
    given(created())
      .when(recordBoardMeeting({ minutesUrl: 'https://www.iow.gov.uk/board/2024-04.pdf' }))
      .then([boardMeetingRecorded({ minutesUrl: 'https://www.iow.gov.uk/board/2024-04.pdf' })]));

  it('accepts a meeting held today (UK time)', () =>
    given(created())
      .when(recordBoardMeeting({ heldOn: '2024-07-01' }), '2024-06-30T23:30:00.000Z')
      .then([boardMeetingRecorded({ heldOn: '2024-07-01' })]));

  it('rejects a meeting that has not been held yet', () =>
    given(created())
      .when(recordBoardMeeting({ heldOn: '2024-05-03' }))
      .thenThrows('INVALID', 'heldOn'));

  it.each(['23/04/2024', '2024-04', '2024-02-30'])('rejects the date "%s"', (heldOn) =>
    given(created()).when(recordBoardMeeting({ heldOn })).thenThrows('INVALID', 'heldOn'),
  );

  it('rejects a blank title', () =>
    given(created())
      .when(recordBoardMeeting({ title: '  ' }))
      .thenThrows('INVALID', 'title'));

  it.each(['javascript:alert(1)', 'minutes.pdf', 'ftp://example.org/m.pdf'])(
    'rejects minutes at "%s"',
    (minutesUrl) =>
      given(created()).when(recordBoardMeeting({ minutesUrl })).thenThrows('INVALID', 'minutesUrl'),
  );

  it('rejects recording the same meeting twice', () =>
    given(created(), boardMeetingRecorded()).when(recordBoardMeeting()).thenThrows('CONFLICT', 'meetingId'));

  it('rejects a meeting for a closed plan', () =>
    given(created(), planClosed()).when(recordBoardMeeting()).thenThrows('CONFLICT', 'planId'));

  it('lists meetings in the order they were held, whatever order they were recorded in', () => {
    const plan = foldPlan([
      created(),
      boardMeetingRecorded({ meetingId: 'may', heldOn: '2024-05-21' }),
      boardMeetingRecorded({ meetingId: MEETING_ID, heldOn: '2024-04-23' }),
    ]);
    expect(plan?.boardMeetings.map((meeting) => meeting.id)).toEqual([MEETING_ID, 'may']);
  });

  it('rejects a meeting held before the plan existed', () =>
    given(recorded(planCreated(), { recordedAt: '2024-04-24T09:00:00.000Z' }))
      .when(recordBoardMeeting({ heldOn: '2024-04-23' }))
      .thenThrows('INVALID', 'heldOn'));

  it('accepts a meeting held on the day the plan was created (UK time)', () =>
    given(recorded(planCreated(), { recordedAt: '2024-04-22T23:30:00.000Z' }))
      .when(recordBoardMeeting({ heldOn: '2024-04-23' }))
      .then([boardMeetingRecorded({ heldOn: '2024-04-23' })]));

  it('accepts an earlier meeting once a change was recorded as effective before it (an import as at)', () =>
    given(
      recorded(planCreated(), { recordedAt: '2024-05-01T09:00:00.000Z' }),
      themeAdded(),
      recorded(actionAdded({ actionId: ACTION_ID }), { effectiveDate: '2024-03-31' }),
    )
      .when(recordBoardMeeting({ heldOn: '2024-04-23' }))
      .then([boardMeetingRecorded({ heldOn: '2024-04-23' })]));

  it('folds the earliest effective day the plan speaks for', () => {
    const plan = foldPlan([
      recorded(planCreated(), { recordedAt: '2024-05-01T09:00:00.000Z' }),
      recorded(themeAdded(), { effectiveDate: '2024-04-02' }),
      recorded(themeAdded({ themeId: 'theme-2', number: 2 }), { effectiveDate: '2024-04-20' }),
    ]);
    expect(plan?.earliestEffectiveDate).toBe('2024-04-02');
  });
});
