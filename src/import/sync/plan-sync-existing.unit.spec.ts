import { describe, expect, it } from '@jest/globals';
import type { PlanCommand } from '../../plans/domain/commands.js';
import {
  actionAdded,
  actionWithdrawn,
  PLAN_ID,
  planWithAction,
  progressNoteAdded,
  THEME_ID,
  themeAdded,
} from '../../../test/support/plan-builders.js';
import {
  documentAction,
  documentTheme,
  documentWithRow,
  planDocument,
} from '../../../test/support/plan-documents.js';
import { given, IMPORTED_FILE } from '../../../test/support/sync-spec.js';

describe('importing into an existing plan: themes and actions', () => {
  it('adds a theme and its action that the plan does not have yet', () => {
    const document = planDocument(
      documentTheme(),
      documentTheme({
        number: 2,
        title: 'Pre-proceedings',
        line: 30,
        actions: [documentAction({ ref: '2.1' })],
      }),
    );
    given(...planWithAction())
      .whenImporting(document)
      .thenCommands([
        {
          type: 'AddTheme',
          data: {
            planId: PLAN_ID,
            themeId: 'id-1',
            number: 2,
            title: 'Pre-proceedings',
            whatNeedsToImprove: null,
            inspectorFindings: null,
          },
        },
        expect.objectContaining({
          type: 'AddAction',
          data: expect.objectContaining({ themeId: 'id-1', ref: '2.1' }),
        }),
      ] as PlanCommand[]);
  });

  it('adds a new action to the existing theme with the same number', () => {
    const document = planDocument(
      documentTheme({ actions: [documentAction(), documentAction({ ref: '1.2' })] }),
    );
    const { result } = given(...planWithAction()).whenImporting(document);
    expect(result.commands).toEqual([
      expect.objectContaining({
        type: 'AddAction',
        data: expect.objectContaining({ themeId: THEME_ID, ref: '1.2' }),
      }),
    ]);
  });

  it('matches actions by ref whatever the case', () => {
    given(...planWithAction({ ref: 'A3' }))
      .whenImporting(documentWithRow({ ref: 'a3' }))
      .thenCommands([]);
  });

  it('leaves an action that is missing from the file alone and says so', () => {
    given(...planWithAction(), actionAdded({ actionId: 'action-1-2', ref: '1.2' }))
      .whenImporting(documentWithRow())
      .thenCommands([])
      .thenWarns([
        {
          line: null,
          message:
            'Action 1.2 is in the plan but not in the file: it is left as it is ' +
            '(withdraw it in the plan if it no longer belongs)',
        },
      ]);
  });

  it('does not bring back a withdrawn action', () => {
    given(...planWithAction(), actionWithdrawn())
      .whenImporting(documentWithRow({ rag: 'RED' }))
      .thenCommands([])
      .thenWarns([{ line: 10, message: 'Action 1.1 was withdrawn from the plan: its row is left out' }]);
  });

  it('does not move an action to another theme, and says so', () => {
    const document = planDocument(
      documentTheme({ actions: [] }),
      documentTheme({ number: 2, title: 'Pre-proceedings', actions: [documentAction()] }),
    );
    given(...planWithAction(), themeAdded({ themeId: 'theme-2', number: 2, title: 'Pre-proceedings' }))
      .whenImporting(document)
      .thenCommands([])
      .thenWarns([
        {
          line: 10,
          message: 'Action 1.1 is under theme 2 in the file: actions are not moved between themes by import',
        },
      ]);
  });

  it('revises a theme heading that differs, with the file as the reason', () => {
    given(...planWithAction())
      .whenImporting(documentWithRow({}, { title: 'Caseloads and supervision' }))
      .thenCommands([
        {
          type: 'ReviseTheme',
          data: {
            planId: PLAN_ID,
            themeId: THEME_ID,
            title: 'Caseloads and supervision',
            whatNeedsToImprove: undefined,
            inspectorFindings: undefined,
            reason: `imported from ${IMPORTED_FILE}`,
          },
        },
      ])
      .thenWarns([]);
  });

  it('keeps a heading given in the app when the file has none', () => {
    given(...planWithAction())
      .whenImporting(documentWithRow({}, { title: null }))
      .thenCommands([]);
  });

  it('ignores theme prose the file does not carry', () => {
    given(...planWithAction(), progressNoteAdded({ text: 'Caseloads audited.' }))
      .whenImporting(documentWithRow({ progress: ['Caseloads audited.'] }, { whatNeedsToImprove: null }))
      .thenWarns([]);
  });
});
