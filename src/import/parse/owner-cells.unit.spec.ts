import { describe, expect, it } from '@jest/globals';
import { defaultOwnerNames, listedOwnerNames, readOwnerCell } from './owner-cells.js';
import { ParseLog } from './parse-log.js';

const LIST = listedOwnerNames([
  { name: 'Lead IRO', aliases: ['LIRO'] },
  { name: 'Team Managers', aliases: [] },
  { name: "Children's Management Team", aliases: ['Childrens Management Team', 'CMT'] },
]);

/** given(owner names).whenReading(cell).then(owners, and what the log holds). */
const given = (names = LIST) => ({
  whenReading(text: string) {
    const log = new ParseLog();
    const owners = readOwnerCell({ text, line: 42, ref: '7.5' }, names, log);
    return {
      owners,
      warnings: log.warnings.map((w) => w.message),
      problems: log.problems.map((p) => p.message),
    };
  },
});

describe('reading an owners cell into a plan with a list of owner roles', () => {
  it('maps the plan’s aliases to the listed names', () =>
    expect(given().whenReading('LIRO, CMT').owners).toEqual(['Lead IRO', "Children's Management Team"]));

  it('reports a name off the list as a problem, with the closest listed role, and keeps nothing of it', () =>
    expect(given().whenReading('Lead IRO, Team')).toEqual({
      owners: ['Lead IRO'],
      warnings: [],
      problems: [
        'Action 7.5: owner "Team" is not on the plan\'s list of owner roles; did you mean "Team Managers"? ' +
          '(correct the cell, or list the role with listOwnerRole first)',
      ],
    }));

  it('uses only the plan’s list: a usual role the plan did not list is a problem too', () =>
    expect(given().whenReading('Service Director').problems).toEqual([
      'Action 7.5: owner "Service Director" is not on the plan\'s list of owner roles ' +
        '(correct the cell, or list the role with listOwnerRole first)',
    ]));
});

describe('reading an owners cell with no list (as before lists existed)', () => {
  it('keeps a name that is no known role as written, with a warning', () =>
    expect(given(defaultOwnerNames()).whenReading('Lead IRO, Police Liaison')).toEqual({
      owners: ['Lead IRO', 'Police Liaison'],
      warnings: ['Action 7.5: owner "Police Liaison" is not a known role; kept as written'],
      problems: [],
    }));
});

describe('the limit on owners, counted before repeats are dropped (issue 18, defect 5)', () => {
  it('refuses a cell naming more owners than the limit, even when they repeat one role', () =>
    expect(given().whenReading(Array.from({ length: 21 }, () => 'Lead IRO').join(', '))).toEqual({
      owners: [],
      warnings: [],
      problems: ['Action 7.5 names 21 owners; an action can have at most 20'],
    }));

  it('refuses a cell of a million lines without reading them one by one', () => {
    const started = performance.now();
    const read = given().whenReading('LIRO\n'.repeat(1_000_000));
    expect(read.problems).toEqual([
      'Action 7.5 names more than 20 lines of owners; an action can have at most 20',
    ]);
    expect(performance.now() - started).toBeLessThan(200);
  });

  it('reads twenty owners, the limit, as before', () =>
    expect(given().whenReading(Array.from({ length: 20 }, () => 'LIRO').join('\n')).owners).toEqual([
      'Lead IRO',
    ]));
});
