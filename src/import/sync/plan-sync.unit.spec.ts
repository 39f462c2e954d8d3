import { describe, expect, it } from '@jest/globals';
import { decideAll } from '../../plans/domain/decide-all.js';
import { PLAN_ID, signedIn } from '../../../test/support/plan-builders.js';
import {
  documentAction,
  documentTheme,
  documentWithRow,
  planDocument,
  sequentialIds,
} from '../../../test/support/plan-documents.js';
import { given, IMPORTED_FILE } from '../../../test/support/sync-spec.js';
import { syncCommands } from './plan-sync.js';

describe('importing a document as a new plan', () => {
  it('creates the plan, its themes, its actions as written, then a note per progress paragraph', () => {
    const document = planDocument(
      documentTheme({
        actions: [
          documentAction({
            rag: 'AMBER',
            owners: ['Service Director', 'Team Managers'],
            dueBy: '2024-06',
            progress: ['Caseloads audited.', 'Two social workers recruited.'],
          }),
        ],
      }),
      documentTheme({ number: 4, title: null, line: 40, actions: [] }),
    );
    given()
      .whenImporting(document)
      .thenCommands([
        { type: 'CreatePlan', data: { planId: PLAN_ID, title: 'ILACS improvement plan', inspection: null } },
        {
          type: 'AddTheme',
          data: {
            planId: PLAN_ID,
            themeId: 'id-1',
            number: 1,
            title: 'Caseloads',
            whatNeedsToImprove: null,
            inspectorFindings: null,
          },
        },
        {
          type: 'AddTheme',
          data: {
            planId: PLAN_ID,
            themeId: 'id-2',
            number: 4,
            title: null,
            whatNeedsToImprove: null,
            inspectorFindings: null,
          },
        },
        {
          type: 'AddAction',
          data: {
            planId: PLAN_ID,
            actionId: 'id-3',
            themeId: 'id-1',
            ref: '1.1',
            description: 'Review caseloads across the assessment teams monthly.',
            owners: ['Service Director', 'Team Managers'],
            commencing: '2023-12',
            dueBy: '2024-06',
            rag: 'AMBER',
          },
        },
        {
          type: 'AddProgressNote',
          data: {
            actionId: 'id-3',
            noteId: 'id-4',
            text: 'Caseloads audited.',
            acknowledgePersonalData: false,
          },
        },
        {
          type: 'AddProgressNote',
          data: {
            actionId: 'id-3',
            noteId: 'id-5',
            text: 'Two social workers recruited.',
            acknowledgePersonalData: false,
          },
        },
      ])
      .thenWarns([])
      .thenProblems([]);
  });

  it('prefers the title given for the import to the document’s own', () => {
    const { result } = given().whenImporting(planDocument(), { title: 'Isle of Wight plan 2024' });
    expect(result.commands[0]).toMatchObject({
      type: 'CreatePlan',
      data: { title: 'Isle of Wight plan 2024' },
    });
  });

  it('reports a new plan with no title anywhere as a problem', () => {
    given()
      .whenImporting({ ...planDocument(), title: null })
      .thenProblems([{ line: null, message: 'A new plan needs a title: the file has none, so give one' }]);
  });

  it('takes the inspection from the document', () => {
    const inspection = {
      inspectorate: 'Ofsted',
      framework: 'ILACS',
      startDate: '2023-10-30',
      endDate: '2023-11-03',
      judgement: 'GOOD' as const,
    };
    const { result } = given().whenImporting({ ...planDocument(), inspection });
    expect(result.commands[0]).toMatchObject({ data: { inspection } });
  });

  it('counts what it creates', () => {
    const { result } = given().whenImporting(documentWithRow({ progress: ['One.', 'Two.'] }));
    expect(result.summary).toEqual({
      themesAdded: 1,
      actionsAdded: 1,
      ragChanges: 0,
      progressNotesAdded: 2,
      ownerChanges: 0,
      reschedules: 0,
      descriptionRevisions: 0,
      themeRevisions: 0,
    });
  });

  it('creates exactly the plan the document describes, so importing it again changes nothing', () => {
    const document = documentWithRow({ rag: 'GREEN', progress: ['Caseloads audited.'] });
    const first = syncCommands(document, undefined, {
      planId: PLAN_ID,
      fileName: IMPORTED_FILE,
      newId: sequentialIds(),
    });
    const decision = decideAll(first.commands, undefined, {
      recordedAt: '2024-05-01T10:00:00.000Z',
      actor: signedIn(),
    });
    if (!decision.accepted) throw decision.refusal.error;
    const { plan } = decision;
    const again = syncCommands(document, plan, {
      planId: PLAN_ID,
      fileName: IMPORTED_FILE,
      newId: sequentialIds(),
    });
    expect(again.commands).toEqual([]);
    expect(again.warnings).toEqual([]);
  });
});
