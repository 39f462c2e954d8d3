import { describe, it } from '@jest/globals';
import { given } from '../../../test/support/decider-spec.js';
import {
  addProgressNote,
  changeRagStatus,
  planWithAction,
  progressNoteAdded,
  ragStatusChanged,
} from '../../../test/support/plan-builders.js';

/* Issue 18, defect 6: the formats a keyboard produces that used to slip past the check. */

const refusedAsReason = (reason: string) =>
  given(...planWithAction())
    .when(changeRagStatus({ reason }))
    .thenThrows('PERSONAL_DATA_SUSPECTED', 'reason');

const acceptedAsReason = (reason: string) =>
  given(...planWithAction())
    .when(changeRagStatus({ reason }))
    .then([ragStatusChanged({ reason })]);

describe('NHS numbers however they are typed', () => {
  it.each([
    ['dots between groups', 'Child 943.476.5919 re-referred'],
    ['slashes between groups', 'Child 943/476/5919 re-referred'],
    ['full-width digits', 'Child ９４３ ４７６ ５９１９ re-referred'],
    ['full-width digits with no gaps', 'Child ９４３４７６５９１９ re-referred'],
    ['digit by digit with spaces', 'Child 9 4 3 4 7 6 5 9 1 9 re-referred'],
    ['digit by digit with dashes', 'Child 9-4-3-4-7-6-5-9-1-9 re-referred'],
    ['digit by digit in 3-3-4 groups', 'Child 9 4 3  4 7 6  5 9 1 9 re-referred'],
    ['spaced dashes between groups', 'Child 943 - 476 - 5919 re-referred'],
    ['no-break spaces between groups', 'Child 943\u00a0476\u00a05919 re-referred'],
    ['en dashes between groups', 'Child 943\u2013476\u20135919 re-referred'],
  ])('refuses a reason with an NHS number written with %s', (_format, reason) => refusedAsReason(reason));

  it('flags a full-width NHS number in a progress note, recorded once acknowledged', () =>
    given(...planWithAction())
      .when(addProgressNote({ text: 'Seen ９４３.４７６.５９１９', acknowledgePersonalData: true }))
      .then([progressNoteAdded({ text: 'Seen ９４３.４７６.５９１９', personalDataAcknowledged: true })]));
});

describe('dates of birth however they are typed', () => {
  it.each([
    ['a compact date after "date of birth"', 'Child, date of birth 01022015, moved away'],
    ['a month name before the day after "born"', 'Child born Feb 1 2015 moved away'],
    ['the "b." abbreviation', 'Child (b. 01/02/2015) moved away'],
    ['a compact two-digit-year date after DOB', 'Child DOB 010215 moved away'],
    ['"date of birth is"', 'Her date of birth is 1st February 2015'],
    ['a day-month-year with dashes', 'Child born 01-Feb-2015 moved away'],
    ['"(DOB)" after the date', 'Child 01/02/2015 (DOB) moved away'],
  ])('refuses a reason with a date of birth written as %s', (_format, reason) => refusedAsReason(reason));
});

describe('ordinary plan text is not personal data', () => {
  it.each([
    ['refs', 'Actions 1.10, 6.5 and 3.2 rolled into 1.1'],
    ['a meeting date', 'Agreed at the board on 01/02/2024'],
    ['a compact meeting date', 'Agreed at the board on 01022024'],
    ['a meeting date with a month name', 'Agreed at the board on Feb 1 2024'],
    ['caseload numbers', 'Caseloads down from 943 to 476 across 19 teams'],
    ['a number that fails the modulus-11 check', 'Call 943 476 5918 for the duty desk'],
    ['a phone number with an area code', 'Call 0161 496 0003 or +44 161 496 0003'],
    ['a ten-digit run inside a longer number', 'Contract 09434765919 renewed'],
    ['percentages and money', '25% of visits cost £1,250.50 (up 3.5%)'],
    ['a birth cue with no date', 'Dates of birth checked on 01/02/2024 for all children born in 2015'],
    ['a lettered ref before a date', 'See 2.b. 01/02/2024 minutes'],
  ])('accepts a reason with %s', (_kind, reason) => acceptedAsReason(reason));
});
