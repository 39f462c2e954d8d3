import { describe, expect, it } from '@jest/globals';
import { foldPlan, given } from '../../../test/support/decider-spec.js';
import {
  boardMeetingRecorded,
  MEETING_ID,
  planClosed,
  planCreated,
  recordBoardMeeting,
} from '../../../test/support/plan-builders.js';

describe('recording a board meeting', () => {
  it('records the meeting with its date, title and minutes', () =>
    given(planCreated())
      .when(recordBoardMeeting({ minutesUrl: 'https://www.iow.gov.uk/board/2024-04.pdf' }))
      .then([boardMeetingRecorded({ minutesUrl: 'https://www.iow.gov.uk/board/2024-04.pdf' })]));

  it('accepts a meeting held today (UK time)', () =>
    given(planCreated())
      .when(recordBoardMeeting({ heldOn: '2024-07-01' }), '2024-06-30T23:30:00.000Z')
      .then([boardMeetingRecorded({ heldOn: '2024-07-01' })]));

  it('rejects a meeting that has not been held yet', () =>
    given(planCreated())
      .when(recordBoardMeeting({ heldOn: '2024-05-03' }))
      .thenThrows('INVALID', 'heldOn'));

  it.each(['23/04/2024', '2024-04', '2024-02-30'])('rejects the date "%s"', (heldOn) =>
    given(planCreated()).when(recordBoardMeeting({ heldOn })).thenThrows('INVALID', 'heldOn'),
  );

  it('rejects a blank title', () =>
    given(planCreated())
      .when(recordBoardMeeting({ title: '  ' }))
      .thenThrows('INVALID', 'title'));

  it.each(['javascript:alert(1)', 'minutes.pdf', 'ftp://example.org/m.pdf'])(
    'rejects minutes at "%s"',
    (minutesUrl) =>
      given(planCreated()).when(recordBoardMeeting({ minutesUrl })).thenThrows('INVALID', 'minutesUrl'),
  );

  it('rejects recording the same meeting twice', () =>
    given(planCreated(), boardMeetingRecorded())
      .when(recordBoardMeeting())
      .thenThrows('CONFLICT', 'meetingId'));

  it('rejects a meeting for a closed plan', () =>
    given(planCreated(), planClosed()).when(recordBoardMeeting()).thenThrows('CONFLICT', 'planId'));

  it('lists meetings in the order they were held, whatever order they were recorded in', () => {
    const plan = foldPlan([
      planCreated(),
      boardMeetingRecorded({ meetingId: 'may', heldOn: '2024-05-21' }),
      boardMeetingRecorded({ meetingId: MEETING_ID, heldOn: '2024-04-23' }),
    ]);
    expect(plan?.boardMeetings.map((meeting) => meeting.id)).toEqual([MEETING_ID, 'may']);
  });
});
