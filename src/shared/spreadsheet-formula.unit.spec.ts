import { describe, expect, it } from '@jest/globals';
import * as fc from 'fast-check';
import { neutraliseFormula, restoreFormulaText } from './spreadsheet-formula.js';

describe('cells Excel would run as formulas', () => {
  it.each(['=SUM(A1:A9)', '+44 1983 821000', '-2 vacancies', '@cmd', '\tindented'])(
    'neutralises "%s" and restores it on import',
    (cell) => {
      expect(neutraliseFormula(cell)).toBe(`'${cell}`);
      expect(restoreFormulaText(neutraliseFormula(cell))).toBe(cell);
    },
  );

  it.each(["'=1+1", "''-2 vacancies", "'@risk"])(
    'keeps the apostrophes typed before a formula character in "%s"',
    (cell) => {
      expect(neutraliseFormula(cell)).toBe(`'${cell}`);
      expect(restoreFormulaText(neutraliseFormula(cell))).toBe(cell);
    },
  );

  it('gives back any text unchanged, once neutralised and restored', () =>
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("'", '=', '+', '-', '@', '\t', 'a', ' ') }), (cell) => {
        expect(restoreFormulaText(neutraliseFormula(cell))).toBe(cell);
        expect(neutraliseFormula(cell)).not.toMatch(/^[=+\-@\t\r]/);
      }),
    ));

  it('leaves ordinary text and an apostrophe the author typed alone', () => {
    expect(neutraliseFormula("'All managers' meetings")).toBe("'All managers' meetings");
    expect(restoreFormulaText("'All managers' meetings")).toBe("'All managers' meetings");
    expect(neutraliseFormula('Caseloads = 18')).toBe('Caseloads = 18');
  });
});
