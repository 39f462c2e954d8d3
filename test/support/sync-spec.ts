import { expect } from '@jest/globals';
import type { PlanCommand } from '../../src/plans/domain/commands.js';
import type { ImportWarning, PlanDocument } from '../../src/import/plan-document.js';
import { syncCommands, type SyncOptions } from '../../src/import/sync/plan-sync.js';
import { foldPlan, type GivenEvent } from './decider-spec.js';
import { PLAN_ID } from './plan-builders.js';
import { sequentialIds } from './plan-documents.js';

export const IMPORTED_FILE = 'iow-plan-may-2024.csv';

/** given(plan events).whenImporting(document).thenCommands(...).thenWarns(...).thenProblems(...) */
export function given(...history: GivenEvent[]) {
  const plan = foldPlan(history);
  return {
    whenImporting(document: PlanDocument, options: Partial<SyncOptions> = {}) {
      const result = syncCommands(document, plan, {
        planId: PLAN_ID,
        fileName: IMPORTED_FILE,
        newId: sequentialIds(),
        ...options,
      });
      const then = {
        result,
        thenCommands(expected: PlanCommand[]) {
          expect(result.commands).toEqual(expected);
          return then;
        },
        thenWarns(expected: ImportWarning[]) {
          expect(result.warnings).toEqual(expected);
          return then;
        },
        thenProblems(expected: ImportWarning[]) {
          expect(result.problems).toEqual(expected);
          return then;
        },
      };
      return then;
    },
  };
}
