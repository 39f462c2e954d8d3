import { describe, expect, it } from '@jest/globals';
import { parseImportArguments } from './import-args.js';

describe('the import command line', () => {
  it('reads a file to import as a new plan with a title', () => {
    expect(parseImportArguments(['plan.txt', '--title', 'Isle of Wight plan 2024'])).toEqual({
      kind: 'import',
      options: {
        file: 'plan.txt',
        title: 'Isle of Wight plan 2024',
        dryRun: false,
        acknowledgePersonalData: false,
      },
    });
  });

  it('reads an update of an existing plan, as a dry run, with personal data acknowledged', () => {
    const argv = ['--plan', 'p-1', 'may.xlsx', '--dry-run', '--acknowledge-personal-data'];
    expect(parseImportArguments(argv)).toEqual({
      kind: 'import',
      options: { file: 'may.xlsx', planId: 'p-1', dryRun: true, acknowledgePersonalData: true },
    });
  });

  it('reads the day the file’s changes took effect', () => {
    expect(parseImportArguments(['march.xlsx', '--plan', 'p-1', '--effective', '2024-03-31'])).toEqual({
      kind: 'import',
      options: {
        file: 'march.xlsx',
        planId: 'p-1',
        effectiveDate: '2024-03-31',
        dryRun: false,
        acknowledgePersonalData: false,
      },
    });
  });

  it('asks for help', () => {
    expect(parseImportArguments(['--help'])).toEqual({ kind: 'help' });
  });

  it.each([
    [[], 'Give the file to import'],
    [['a.csv', 'b.csv'], 'Give one file only'],
    [
      ['a.csv', '--plan', 'p-1', '--title', 'T'],
      'Give --plan (an existing plan) or --title (a new plan), not both',
    ],
    [['a.csv', '--plan', ' '], '--plan needs the id of a plan'],
    [['a.csv', '--title', ''], '--title needs the title of the new plan'],
    [['a.csv', '--effective', '31/03/2024'], '--effective must be a day "YYYY-MM-DD", such as 2024-03-31'],
    [['a.csv', '--effective', '2024-02-30'], '--effective must be a day "YYYY-MM-DD", such as 2024-03-31'],
  ])('refuses %j: %s', (argv, message) => {
    expect(parseImportArguments(argv)).toEqual({ kind: 'error', message });
  });

  it('refuses an option it does not know, or one without its value', () => {
    expect(parseImportArguments(['a.csv', '--force'])).toMatchObject({ kind: 'error' });
    expect(parseImportArguments(['a.csv', '--plan'])).toMatchObject({ kind: 'error' });
  });
});
