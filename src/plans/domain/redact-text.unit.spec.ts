import { describe, it } from '@jest/globals';
import { given } from '../../../test/support/decider-spec.js';
import {
  actionAdded,
  actionDescriptionRevised,
  PLAN_ID,
  planApproved,
  planClosed,
  planCreated,
  progressNoteAdded,
  ragStatusChanged,
  themeAdded,
} from '../../../test/support/plan-builders.js';
import {
  ADDED_EVENT_ID,
  NOTE_EVENT_ID,
  RAG_EVENT_ID,
  redactedBy,
  redactText,
  REVISED_EVENT_ID,
  stored,
  textRedacted,
} from '../../../test/support/redaction-builders.js';

const history = [
  stored(planCreated(), 'event-plan'),
  stored(themeAdded(), 'event-theme'),
  stored(actionAdded(), ADDED_EVENT_ID),
  stored(ragStatusChanged(), RAG_EVENT_ID),
  stored(progressNoteAdded(), NOTE_EVENT_ID),
  stored(actionDescriptionRevised(), REVISED_EVENT_ID),
];
const byChange = (eventId: string, field?: 'text' | 'description' | 'reason') =>
  redactText({ noteId: null, eventId, ...(field ? { field } : {}) });

describe('erasing a text recorded by mistake', () => {
  it('erases a progress note named by its id', () =>
    given(...history)
      .when(redactText())
      .then([textRedacted()]));

  it('erases the reason of a change named by its event id', () =>
    given(...history)
      .when(byChange(RAG_EVENT_ID))
      .then([textRedacted({ eventId: RAG_EVENT_ID, field: 'reason', noteId: null })]));

  it('erases the description an action was added with', () =>
    given(...history)
      .when(byChange(ADDED_EVENT_ID))
      .then([textRedacted({ eventId: ADDED_EVENT_ID, field: 'description', noteId: null })]));

  it('erases the one field named of a change that records two texts', () =>
    given(...history)
      .when(byChange(REVISED_EVENT_ID, 'reason'))
      .then([textRedacted({ eventId: REVISED_EVENT_ID, field: 'reason', noteId: null })]));

  it('erases the reason a plan was closed for, though the plan can no longer change', () =>
    given(stored(planCreated(), 'event-plan'), stored(planApproved(), 'e2'), stored(planClosed(), 'e3'))
      .when(byChange('e3'))
      .then([textRedacted({ eventId: 'e3', field: 'reason', actionId: null, noteId: null })]));

  it('asks which field when the change records two texts', () =>
    given(...history)
      .when(byChange(REVISED_EVENT_ID))
      .thenThrows('INVALID', 'field'));

  it('rejects a field the change does not record', () =>
    given(...history)
      .when(byChange(RAG_EVENT_ID, 'description'))
      .thenThrows('INVALID', 'field'));

  it('rejects a field other than the text for a note', () =>
    given(...history)
      .when(redactText({ field: 'reason' }))
      .thenThrows('INVALID', 'field'));

  it('does not know a note the plan does not have', () =>
    given(...history)
      .when(redactText({ noteId: 'note-404' }))
      .thenThrows('NOT_FOUND', 'noteId'));

  it('does not know a change the plan does not have', () =>
    given(...history)
      .when(byChange('event-404'))
      .thenThrows('NOT_FOUND', 'eventId'));

  it('does not know a change that records no free text', () =>
    given(...history)
      .when(byChange('event-theme'))
      .thenThrows('NOT_FOUND', 'eventId'));

  it('does not erase a note twice', () =>
    given(...history, redactedBy())
      .when(redactText())
      .thenThrows('INVALID', 'noteId'));

  it('does not erase a reason twice', () =>
    given(...history, redactedBy(textRedacted({ eventId: RAG_EVENT_ID, field: 'reason', noteId: null })))
      .when(byChange(RAG_EVENT_ID))
      .thenThrows('INVALID', 'eventId'));

  it('still erases the other text of a change once one is erased', () =>
    given(...history, redactedBy(textRedacted({ eventId: REVISED_EVENT_ID, field: 'reason', noteId: null })))
      .when(byChange(REVISED_EVENT_ID, 'description'))
      .then([textRedacted({ eventId: REVISED_EVENT_ID, field: 'description', noteId: null })]));

  it('wants either a note or a change, not both and not neither', () => {
    given(...history)
      .when(redactText({ eventId: RAG_EVENT_ID }))
      .thenThrows('INVALID', 'eventId');
    given(...history)
      .when(redactText({ noteId: null }))
      .thenThrows('INVALID', 'noteId');
  });

  it('rejects a blank reason', () =>
    given(...history)
      .when(redactText({ reason: '  ' }))
      .thenThrows('INVALID', 'reason'));

  it('rejects a reason that itself identifies a child', () =>
    given(...history)
      .when(redactText({ reason: 'Gave the DOB 12/03/2015' }))
      .thenThrows('PERSONAL_DATA_SUSPECTED', 'reason'));

  it('does not erase in a plan that does not exist', () =>
    given()
      .when(redactText({ planId: PLAN_ID }))
      .thenThrows('NOT_FOUND', 'planId'));
});
