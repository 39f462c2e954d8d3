import { describe, expect, it } from '@jest/globals';
import { ACTION_ID, planWithAction } from '../../../test/support/plan-builders.js';
import { documentWithRow } from '../../../test/support/plan-documents.js';
import { given, IMPORTED_FILE } from '../../../test/support/sync-spec.js';
import { DomainError } from '../../plans/domain/errors.js';
import type { PlanCommand } from '../../plans/domain/commands.js';
import { importEffectiveDate } from '../effective-date.js';

const reason = `imported from ${IMPORTED_FILE}`;
const AS_AT = '2024-03-31';
const effectiveDateOf = (command: PlanCommand) =>
  'effectiveDate' in command.data ? command.data.effectiveDate : undefined;

describe('an import with an effective date (a spreadsheet "as at 31 March")', () => {
  it('records every change that can say so as effective that day', () => {
    given(...planWithAction({ rag: 'AMBER' }))
      .whenImporting(
        documentWithRow({
          rag: 'RED',
          description: 'Reduce caseloads to 18 per social worker.',
          owners: ['Lead IRO'],
          commencing: '2024-01',
          progress: ['Recruitment paused.'],
        }),
        { effectiveDate: AS_AT },
      )
      .thenCommands([
        { type: 'ChangeRagStatus', data: { actionId: ACTION_ID, rag: 'RED', reason, effectiveDate: AS_AT } },
        {
          type: 'ReviseActionDescription',
          data: {
            actionId: ACTION_ID,
            description: 'Reduce caseloads to 18 per social worker.',
            reason,
            effectiveDate: AS_AT,
          },
        },
        {
          type: 'AssignActionOwners',
          data: { actionId: ACTION_ID, owners: ['Lead IRO'], effectiveDate: AS_AT },
        },
        {
          type: 'RescheduleAction',
          data: { actionId: ACTION_ID, commencing: '2024-01', dueBy: null, reason, effectiveDate: AS_AT },
        },
        {
          type: 'AddProgressNote',
          data: {
            actionId: ACTION_ID,
            noteId: 'id-1',
            text: 'Recruitment paused.',
            acknowledgePersonalData: false,
            effectiveDate: AS_AT,
          },
        },
      ]);
  });

  it('dates a new plan, its themes, actions and notes as well: the plan was in effect from then', () => {
    const { result } = given().whenImporting(documentWithRow({ progress: ['Panel met.'] }), {
      effectiveDate: AS_AT,
    });
    expect(result.commands.map((command) => [command.type, effectiveDateOf(command)])).toEqual([
      ['CreatePlan', AS_AT],
      ['AddTheme', AS_AT],
      ['AddAction', AS_AT],
      ['AddProgressNote', AS_AT],
    ]);
  });

  it('leaves it off a change that cannot carry one (a theme heading corrected)', () => {
    const { result } = given(...planWithAction()).whenImporting(
      documentWithRow({}, { title: 'Caseloads and supervision' }),
      { effectiveDate: AS_AT },
    );
    expect(result.commands.map((command) => [command.type, effectiveDateOf(command)])).toEqual([
      ['ReviseTheme', undefined],
    ]);
  });

  it('records the day of recording when none is given', () => {
    given(...planWithAction({ rag: 'AMBER' }))
      .whenImporting(documentWithRow({ rag: 'RED' }))
      .thenCommands([{ type: 'ChangeRagStatus', data: { actionId: ACTION_ID, rag: 'RED', reason } }]);
  });
});

describe('the effective date an import is given', () => {
  const now = new Date('2024-04-04T09:00:00Z');
  const refusal = (value: string) => {
    try {
      importEffectiveDate(value, now);
    } catch (error) {
      return error instanceof DomainError
        ? { kind: error.kind, field: error.field, message: error.message }
        : error;
    }
    return 'accepted';
  };

  it('is a past or present day, or none', () => {
    expect(importEffectiveDate('2024-03-31', now)).toBe('2024-03-31');
    expect(importEffectiveDate('2024-04-04', now)).toBe('2024-04-04');
    expect(importEffectiveDate(undefined, now)).toBeNull();
  });

  it('is refused in the future (UK time) or when it is no real day', () => {
    expect(refusal('2024-04-05')).toEqual({
      kind: 'INVALID',
      field: 'effectiveDate',
      message: 'The effective date 2024-04-05 is in the future: an import records what has already happened',
    });
    expect(refusal('2024-02-30')).toEqual({
      kind: 'INVALID',
      field: 'effectiveDate',
      message: 'The effective date must be a day "YYYY-MM-DD", got "2024-02-30"',
    });
    expect(refusal('31/03/2024')).toMatchObject({ field: 'effectiveDate' });
  });

  it('counts a day by UK time: just after midnight in summer, it is already tomorrow', () => {
    expect(importEffectiveDate('2024-07-02', new Date('2024-07-01T23:30:00Z'))).toBe('2024-07-02');
  });
});
