import { describe, expect, it } from '@jest/globals';
import { parsePlanDocument } from './parse-plan-document.js';

const HEADER = 'Ref\tAction\tAction Owner\tCommencing\tRAG\tProgress and Impact to date';

/** Lines of a Word plan pasted as text; cells separated by tabs. */
const parseText = (...lines: string[]) =>
  parsePlanDocument({ fileName: 'plan.txt', content: Buffer.from(lines.join('\n'), 'utf8') });

describe('reading a Word table pasted as text', () => {
  it('takes the title from a line naming the plan before the first theme', async () => {
    const { document, problems } = await parseText(
      'Children’s Services Improvement Plan 2024',
      '1. Caseloads',
      HEADER,
      '1.1\tReduce caseloads.\tService Director\tDecember 2023\tR\t',
    );
    expect(problems).toEqual([]);
    expect(document.title).toBe('Children’s Services Improvement Plan 2024');
    expect(document.themes[0]!.actions[0]).toMatchObject({ rag: 'RED', commencing: '2023-12', line: 4 });
  });

  it('reads a numbered list inside the inspectors’ findings as prose, not as themes', async () => {
    const { document } = await parseText(
      '1. Caseloads',
      'What inspectors found:',
      '1. Caseloads were high.',
      '2. Supervision was irregular.',
      HEADER,
      '1.1\tReduce caseloads.\tService Director\tDecember 2023\tA\t',
    );
    expect(document.themes).toHaveLength(1);
    expect(document.themes[0]!.inspectorFindings).toBe(
      '1. Caseloads were high.\n\n2. Supervision was irregular.',
    );
  });

  it('gives prose labels with no heading above them to the untitled theme of the refs that follow', async () => {
    const { document, warnings } = await parseText(
      '1. Caseloads',
      HEADER,
      '1.1\tReduce caseloads.\tService Director\tDecember 2023\tA\t',
      'What needs to improve? Timely permanence.',
      HEADER,
      '4.1\tTrack permanence monthly.\tLead IRO\tMarch 2024\t\t',
    );
    expect(document.themes.map((theme) => [theme.number, theme.title, theme.whatNeedsToImprove])).toEqual([
      [1, 'Caseloads', null],
      [4, null, 'Timely permanence.'],
    ]);
    expect(document.themes[1]!.line).toBe(4);
    expect(warnings.map((warning) => warning.line)).toEqual([4]);
  });

  it('reads tolerant headers, RAG words and full dates', async () => {
    const { document, problems } = await parseText(
      '2. Pre-proceedings',
      'Ref\tAction What we will do\tOwner(s)\tDue by\tStatus\tProgress and Impact to Date',
      '2.1\tPanel.\tService Manager Operations\t31/03/2024\tgreen\t',
      '2.2\tFramework.\tService Manager Operations\t31 March 2024\tBlue\t',
    );
    expect(problems).toEqual([]);
    expect(
      document.themes[0]!.actions.map((action) => [action.dueBy, action.commencing, action.rag]),
    ).toEqual([
      ['2024-03-31', null, 'GREEN'],
      ['2024-03-31', null, 'BLUE'],
    ]);
  });

  it('fills a blank RAG or date from the continuation row, keeping the first value when both are given', async () => {
    const { document, warnings } = await parseText(
      '1. Caseloads',
      HEADER,
      '1.1\tReduce caseloads.\tService Director\t\tA\t',
      '\t\t\tJanuary 2024\tG\t',
    );
    expect(document.themes[0]!.actions[0]).toMatchObject({ commencing: '2024-01', rag: 'AMBER' });
    expect(warnings).toEqual([
      { line: 4, message: 'Action 1.1: a continuation row gives RAG "G" as well as "A"; kept "A"' },
    ]);
  });

  it('warns with line numbers about unknown owners, undated placeholders and stray text', async () => {
    const { document, warnings, problems } = await parseText(
      '1. Caseloads',
      HEADER,
      '1.1\tReduce caseloads.\tService Director and Police Liaison\tTBC\tA\t',
      'Page 3 of 12',
    );
    expect(problems).toEqual([]);
    expect(document.themes[0]!.actions[0]!.owners).toEqual(['Service Director', 'Police Liaison']);
    expect(warnings).toEqual([
      { line: 3, message: 'Action 1.1: owner "Police Liaison" is not a known role; kept as written' },
      { line: 3, message: 'Action 1.1: Commencing "TBC" is not a date; imported with none' },
      { line: 4, message: 'Text outside any theme\'s prose ignored: "Page 3 of 12"' },
    ]);
  });

  it('reads Windows line endings and a byte-order mark', async () => {
    const text = `\uFEFF1. Caseloads\r\n${HEADER}\r\n1.1\tReduce caseloads.\tLead IRO\tMay 2024\tA\tDone.\r\n`;
    const { document, problems } = await parsePlanDocument({
      fileName: 'plan.TSV',
      content: Buffer.from(text),
    });
    expect(problems).toEqual([]);
    expect(document.themes[0]!.actions[0]).toMatchObject({ ref: '1.1', progress: ['Done.'], line: 3 });
  });
});
