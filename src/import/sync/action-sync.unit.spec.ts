import { describe, expect, it } from '@jest/globals';
import { ACTION_ID, planWithAction, progressNoteAdded } from '../../../test/support/plan-builders.js';
import { documentWithRow } from '../../../test/support/plan-documents.js';
import { given, IMPORTED_FILE } from '../../../test/support/sync-spec.js';

const reason = `imported from ${IMPORTED_FILE}`;
/** 943 476 5919 passes the NHS number check digit. */
const NHS_NOTE = 'Reviewed the plan for the child with NHS number 943 476 5919.';

describe('importing a newer version of the document into the plan: an action', () => {
  it('records nothing when the file says what the plan says', () => {
    given(...planWithAction())
      .whenImporting(documentWithRow())
      .thenCommands([])
      .thenWarns([]);
  });

  it('records a RAG that moved as a change with the file named as the reason', () => {
    given(...planWithAction({ rag: 'AMBER' }))
      .whenImporting(documentWithRow({ rag: 'GREEN' }))
      .thenCommands([{ type: 'ChangeRagStatus', data: { actionId: ACTION_ID, rag: 'GREEN', reason } }]);
  });

  it('records a blanked RAG cell as not rated, and points it out', () => {
    given(...planWithAction({ rag: 'AMBER' }))
      .whenImporting(documentWithRow({ rag: 'NOT_RATED' }))
      .thenCommands([{ type: 'ChangeRagStatus', data: { actionId: ACTION_ID, rag: 'NOT_RATED', reason } }])
      .thenWarns([
        {
          line: 10,
          message: 'Action 1.1: the RAG cell is blank, so the action becomes not rated (it was AMBER)',
        },
      ]);
  });

  it('records a new progress paragraph as a note, and only that one', () => {
    given(...planWithAction(), progressNoteAdded({ text: 'Caseloads audited.' }))
      .whenImporting(documentWithRow({ progress: ['Caseloads audited.', 'Two social workers recruited.'] }))
      .thenCommands([
        {
          type: 'AddProgressNote',
          data: {
            actionId: ACTION_ID,
            noteId: 'id-1',
            text: 'Two social workers recruited.',
            acknowledgePersonalData: false,
          },
        },
      ]);
  });

  it('does not record a paragraph again when only its spacing or quotes changed', () => {
    given(...planWithAction(), progressNoteAdded({ text: 'Children’s  toolkit\nshared.' }))
      .whenImporting(documentWithRow({ progress: ["Children's toolkit shared."] }))
      .thenCommands([]);
  });

  it('recognises a paragraph that is part of a note of several paragraphs', () => {
    given(...planWithAction(), progressNoteAdded({ text: 'Panel set up.\n\nFirst audit done.' }))
      .whenImporting(documentWithRow({ progress: ['Panel set up.', 'First audit done.'] }))
      .thenCommands([]);
  });

  it('records the same new paragraph once even if the file repeats it', () => {
    const { result } = given(...planWithAction()).whenImporting(
      documentWithRow({ progress: ['Panel set up.', 'Panel  set up.'] }),
    );
    expect(result.summary.progressNotesAdded).toBe(1);
  });

  it('assigns the owners the file names when they differ', () => {
    given(...planWithAction())
      .whenImporting(documentWithRow({ owners: ['Service Manager Operations', 'Lead IRO'] }))
      .thenCommands([
        {
          type: 'AssignActionOwners',
          data: { actionId: ACTION_ID, owners: ['Service Manager Operations', 'Lead IRO'] },
        },
      ]);
  });

  it('does not reassign owners whose names differ only in spacing or quotes', () => {
    given(...planWithAction({ owners: ['Head of Service, Early Help', 'Children’s Management Team'] }))
      .whenImporting(
        documentWithRow({ owners: ['Head of Service , Early  Help', "Children's Management Team"] }),
      )
      .thenCommands([]);
  });

  it('does not reassign owners when the file names them by an alias, or with other case and punctuation', () => {
    given(...planWithAction({ owners: ['LIRO', 'Childrens Management Team'] }))
      .whenImporting(documentWithRow({ owners: ['Lead IRO', "CHILDREN'S MANAGEMENT TEAM"] }))
      .thenCommands([]);
  });

  it('reschedules to the dates in the file, with the file named as the reason', () => {
    given(...planWithAction())
      .whenImporting(documentWithRow({ commencing: '2024-01', dueBy: '2024-06' }))
      .thenCommands([
        {
          type: 'RescheduleAction',
          data: { actionId: ACTION_ID, commencing: '2024-01', dueBy: '2024-06', reason },
        },
      ]);
  });

  it('revises a description that changed in words, not in spacing', () => {
    given(...planWithAction())
      .whenImporting(
        documentWithRow({ description: 'Review caseloads  across the\nassessment teams monthly.' }),
      )
      .thenCommands([]);
    given(...planWithAction())
      .whenImporting(documentWithRow({ description: 'Review caseloads weekly.' }))
      .thenCommands([
        {
          type: 'ReviseActionDescription',
          data: { actionId: ACTION_ID, description: 'Review caseloads weekly.', reason },
        },
      ]);
  });

  it('says what each change is and which line it came from', () => {
    const { result } = given(...planWithAction({ rag: 'AMBER' })).whenImporting(
      documentWithRow({ rag: 'RED', owners: [], commencing: null, dueBy: '2024-06', line: 42 }),
    );
    expect(result.steps.map(({ line, change }) => ({ line, change }))).toEqual([
      { line: 42, change: 'Action 1.1: RAG AMBER → RED' },
      { line: 42, change: 'Action 1.1: owners Service Manager Operations → (none)' },
      { line: 42, change: 'Action 1.1: rescheduled commencing December 2023 → due by June 2024' },
    ]);
  });
});

describe('importing personal data', () => {
  it('refuses a progress paragraph that seems to identify a child, with its line', () => {
    given(...planWithAction())
      .whenImporting(documentWithRow({ progress: [NHS_NOTE], line: 17 }))
      .thenProblems([
        {
          line: 17,
          message:
            'Action 1.1: a progress paragraph seems to contain an NHS number. Progress notes must not identify ' +
            'children: remove it from the file, or import again acknowledging personal data once checked',
        },
      ]);
  });

  it('records it, acknowledged, once the person importing has checked it', () => {
    given(...planWithAction())
      .whenImporting(documentWithRow({ progress: [NHS_NOTE], line: 17 }), { acknowledgePersonalData: true })
      .thenProblems([])
      .thenWarns([
        {
          line: 17,
          message:
            'Action 1.1: a progress paragraph seems to contain an NHS number; recorded because personal data was acknowledged',
        },
      ])
      .thenCommands([
        {
          type: 'AddProgressNote',
          data: { actionId: ACTION_ID, noteId: 'id-1', text: NHS_NOTE, acknowledgePersonalData: true },
        },
      ]);
  });

  it('refuses a description that seems to identify a child, acknowledged or not', () => {
    given(...planWithAction())
      .whenImporting(documentWithRow({ description: 'Support the child born on 3 May 2015.' }), {
        acknowledgePersonalData: true,
      })
      .thenProblems([
        {
          line: 10,
          message:
            'Action 1.1: the description seems to contain a date of birth. Plans must not identify children: ' +
            'remove it from the file',
        },
      ]);
  });
});
