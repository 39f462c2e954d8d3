import { describe, expect, it } from '@jest/globals';
import { neutraliseFormula, restoreFormulaText } from './spreadsheet-formula.js';

describe('cells Excel would run as formulas', () => {
  it.each(['=SUM(A1:A9)', '+44 1983 821000', '-2 vacancies', '@cmd', '\tindented'])(
    'neutralises "%s" and restores it on import',
    (cell) => {
      expect(neutraliseFormula(cell)).toBe(`'${cell}`);
      expect(restoreFormulaText(neutraliseFormula(cell))).toBe(cell);
    },
  );

  it('leaves ordinary text and an apostrophe the author typed alone', () => {
    expect(neutraliseFormula("'All managers' meetings")).toBe("'All managers' meetings");
    expect(restoreFormulaText("'All managers' meetings")).toBe("'All managers' meetings");
    expect(neutraliseFormula('Caseloads = 18')).toBe('Caseloads = 18');
  });
});
