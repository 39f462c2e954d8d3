import { describe, it } from '@jest/globals';
import { given } from '../../../test/support/decider-spec.js';
import { addProgressNote, planWithAction, progressNoteAdded } from '../../../test/support/plan-builders.js';

describe('adding a progress note', () => {
  it('records the note trimmed', () =>
    given(...planWithAction())
      .when(addProgressNote({ text: '  Caseloads audited.\n' }))
      .then([progressNoteAdded({ text: 'Caseloads audited.' })]));

  it('rejects a blank note', () =>
    given(...planWithAction())
      .when(addProgressNote({ text: ' \n ' }))
      .thenThrows('INVALID', 'text'));

  it('rejects a note over 20,000 characters', () =>
    given(...planWithAction())
      .when(addProgressNote({ text: 'x'.repeat(20_001) }))
      .thenThrows('INVALID', 'text'));

  it.each(['943 476 5919', '943-476-5919', '9434765919'])('warns of the NHS number %s', (nhs) =>
    given(...planWithAction())
      .when(addProgressNote({ text: `Child ${nhs} moved placement.` }))
      .thenThrows('PERSONAL_DATA_SUSPECTED', 'text'),
  );

  it.each(['DOB 12/03/2015', 'born on 3rd March 2015', 'date of birth: 2015-03-12'])(
    'warns of the date of birth in "%s"',
    (text) =>
      given(...planWithAction())
        .when(addProgressNote({ text: `Child ${text} moved placement.` }))
        .thenThrows('PERSONAL_DATA_SUSPECTED', 'text'),
  );

  it('records a suspected NHS number once the author acknowledges the warning', () =>
    given(...planWithAction())
      .when(addProgressNote({ text: 'Ref 943 476 5919', acknowledgePersonalData: true }))
      .then([progressNoteAdded({ text: 'Ref 943 476 5919', personalDataAcknowledged: true })]));

  it('records that nothing needed acknowledging when the text looks clean', () =>
    given(...planWithAction())
      .when(addProgressNote({ text: 'Caseloads audited.', acknowledgePersonalData: true }))
      .then([progressNoteAdded({ text: 'Caseloads audited.', personalDataAcknowledged: false })]));

  it('rejects a second note with the same id (a retried request)', () =>
    given(...planWithAction(), progressNoteAdded())
      .when(addProgressNote())
      .thenThrows('CONFLICT', 'noteId'));

  it('does not take a 10-digit number with a wrong check digit for an NHS number', () =>
    given(...planWithAction())
      .when(addProgressNote({ text: 'Call 943 476 5918' }))
      .then([progressNoteAdded({ text: 'Call 943 476 5918' })]));
});
