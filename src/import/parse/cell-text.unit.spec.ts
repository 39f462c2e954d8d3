import { describe, expect, it } from '@jest/globals';
import { defaultOwnerNames } from './owner-cells.js';
import { ParseLog } from './parse-log.js';
import { parseSpreadsheetRows } from './spreadsheet-rows.js';
import { parseWordTable } from './text-table.js';

/* Issue 18, defect 5: a file holds no text the API would refuse; each such cell is a problem. */

const HEADER = ['Theme', 'Ref', 'Action', 'Action Owner', 'RAG', 'Progress and Impact to date'];

function givenSheet(title: string | null, ...rows: string[][]) {
  return {
    whenRead() {
      const log = new ParseLog();
      const sheet = [HEADER, ...rows].map((cells, index) => ({ line: index + 1, cells }));
      parseSpreadsheetRows(sheet, title, defaultOwnerNames(), log);
      return { thenProblems: (expected: unknown[]) => expect(log.problems).toEqual(expected) };
    },
  };
}

describe('text an imported spreadsheet holds', () => {
  it('is a problem naming the row, the column and the character when the API would refuse it', () =>
    givenSheet(
      null,
      ['1. Caseloads', '1.1', 'Audit\u0007 done.', 'Lead IRO', 'A', 'Caseloads fell.'],
      ['1. Caseloads', '1.2', 'Supervision.', 'Lead IRO', 'A', 'Half \uD83D a note'],
      ['1. Caseloads', '1.3', 'Training.', '\u200B', 'G', ''],
    )
      .whenRead()
      .thenProblems([
        { line: 2, message: 'Column "Action" contains a control character (U+0007) at position 6' },
        {
          line: 3,
          message:
            'Column "Progress and Impact to date" contains half of a character pair (U+D83D) at ' +
            'position 6: the text was cut or damaged before it reached us',
        },
        {
          line: 4,
          message:
            'Column "Action Owner" holds only invisible characters (such as U+200B), so it would look empty',
        },
      ]));

  it('accepts line ends of any kind, tabs, blank cells and formula-looking text', () =>
    givenSheet('Plan', ['1. Caseloads', '1.1', '=1+1\r\n\tindented\rold Mac line', 'Lead IRO', '', ''])
      .whenRead()
      .thenProblems([]));

  it("is a problem when the workbook's title holds such text", () =>
    givenSheet('Plan\uFFFE', ['1. Caseloads', '1.1', 'Audit.', 'Lead IRO', 'A', ''])
      .whenRead()
      .thenProblems([
        { line: null, message: "The workbook's title contains a noncharacter (U+FFFE) at position 5" },
      ]));
});

describe('text an imported text file holds', () => {
  it('is a problem naming the line', () => {
    const log = new ParseLog();
    parseWordTable(
      'Improvement plan\n1. Caseloads\nRef\tAction\n1.1\tAudit \u001b[31m done.',
      defaultOwnerNames(),
      log,
    );
    expect(log.problems).toContainEqual({
      line: 4,
      message: 'The line contains a control character (U+001B) at position 11',
    });
  });
});
