import { describe, expect, it } from '@jest/globals';
import * as fc from 'fast-check';
import { acceptedText } from '../../test/support/accepted-text-arbitraries.js';
import { foldPlan } from '../../test/support/decider-spec.js';
import { actionAdded, planCreated, progressNoteAdded, themeAdded } from '../../test/support/plan-builders.js';
import { defaultOwnerNames } from '../import/parse/owner-cells.js';
import { parsePlanDocument } from '../import/parse/parse-plan-document.js';
import { syncCommands } from '../import/sync/plan-sync.js';
import { ownerKey } from '../plans/domain/owner-names.js';
import type { Plan } from '../plans/domain/plan.js';
import { LIMITS, ownerList, requiredText } from '../plans/domain/text-rules.js';
import { exportPlanCsv } from './plan-csv.js';
import { exportPlanXlsx } from './plan-xlsx.js';

/* Issue 18, defect 5: any text the rule accepts comes back from an export with no change recorded. */

interface Texts {
  readonly title: string;
  readonly prose: string;
  readonly description: string;
  readonly owners: readonly string[];
  readonly notes: readonly string[];
}

const texts = fc.record({
  title: acceptedText,
  prose: acceptedText,
  description: acceptedText,
  // The API refuses an owner with no letters or digits (see OwnersField). Left out, as known gaps:
  // owners that differ only in punctuation ("Lead IRO", "Lead IRO=") are one owner to the import
  // but two to the domain's ownerList (repeats by case only), and names holding the separators
  // , ; / can be split differently when another owner's name is a part of theirs.
  owners: fc.uniqueArray(
    acceptedText.filter((owner) => /[\p{L}\p{N}]/u.test(owner) && !/[,;/]/.test(owner)),
    { maxLength: 3, selector: ownerKey },
  ),
  notes: fc.array(acceptedText, { maxLength: 2 }),
});

/** The plan as the domain records such text (trimmed; owners' spaces normalised, repeats dropped). */
function planHolding(given: Texts): Plan {
  const text = (value: string) => requiredText('text', value, LIMITS.longText);
  return foldPlan([
    planCreated(),
    themeAdded({ title: text(given.title), whatNeedsToImprove: text(given.prose) }),
    actionAdded({ description: text(given.description), owners: ownerList(given.owners) }),
    ...given.notes.map((note, index) => progressNoteAdded({ noteId: `note-${index}`, text: text(note) })),
  ])!;
}

async function reimported(plan: Plan, format: 'csv' | 'xlsx') {
  const content = format === 'csv' ? Buffer.from(exportPlanCsv(plan)) : await exportPlanXlsx(plan);
  const ownersInUse = [...plan.actions.values()].flatMap((action) => action.owners);
  const parsed = await parsePlanDocument({
    fileName: `plan.${format}`,
    content,
    ownerNames: defaultOwnerNames(ownersInUse),
  });
  expect(parsed.problems).toEqual([]);
  const { commands, problems } = syncCommands(parsed.document, plan, {
    planId: plan.id,
    fileName: `plan.${format}`,
    newId: () => 'new-id',
  });
  return { commands, problems };
}

describe('a plan exported and imported back into itself', () => {
  it.each<['csv' | 'xlsx', number]>([
    ['csv', 120],
    ['xlsx', 15],
  ])('records nothing new from its %s, whatever accepted text it holds', async (format, numRuns) => {
    await fc.assert(
      fc.asyncProperty(texts, async (given) => {
        expect(await reimported(planHolding(given), format)).toEqual({ commands: [], problems: [] });
      }),
      { numRuns },
    );
  });

  it.each(['csv', 'xlsx'] as const)(
    'keeps an apostrophe before a formula in its %s: "\'=1+1" is no new note',
    async (format) => {
      const plan = planHolding({
        title: "'@risk",
        prose: '_x0041_ stays as typed',
        description: "'=1+1",
        owners: ["'+ Lead"],
        notes: ["'=1+1", "''-2 vacancies"],
      });
      expect(await reimported(plan, format)).toEqual({ commands: [], problems: [] });
    },
  );
});
