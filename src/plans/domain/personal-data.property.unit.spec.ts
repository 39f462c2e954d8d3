import { describe, expect, it } from '@jest/globals';
import * as fc from 'fast-check';
import {
  anyDate,
  birthCue,
  ordinarySentence,
  ordinaryText,
  typed,
  validNhsDigits,
} from '../../../test/support/personal-data-arbitraries.js';
import { findPersonalData } from './personal-data.js';

/* Issue 18, defect 6: the check holds for every format a keyboard produces, not only the examples. */

const RUNS = { numRuns: 500 };
const wrappers = fc.constantFrom(['', ''], ['(', ')'], ['', '.'], ['', ','], ['"', '"'], ['NHS no: ', '']);

describe('personal data, for any input', () => {
  it('flags any valid NHS number however it is typed, wherever it stands in ordinary text', () =>
    fc.assert(
      fc.property(
        fc.array(ordinarySentence, { maxLength: 3 }),
        typed(validNhsDigits),
        wrappers,
        fc.array(ordinarySentence, { maxLength: 3 }),
        (before, number, [open, close], after) => {
          const text = [...before, `Child ${open}${number}${close} re-referred`, ...after].join('. ');
          expect(findPersonalData(text)).toContain('an NHS number');
        },
      ),
      RUNS,
    ));

  it('flags any date after a birth cue, wherever it stands in ordinary text', () =>
    fc.assert(
      fc.property(ordinaryText, birthCue, anyDate, ordinaryText, (before, cue, date, after) => {
        expect(findPersonalData(`${before} Child (${cue} ${date}) moved. ${after}`)).toContain(
          'a date of birth',
        );
      }),
      RUNS,
    ));

  it('flags nothing in ordinary plan text without a birth cue or a valid NHS number', () =>
    fc.assert(
      fc.property(ordinaryText, (text) => {
        expect(findPersonalData(text)).toEqual([]);
      }),
      RUNS,
    ));
});
