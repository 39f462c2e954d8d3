import * as fc from 'fast-check';
import { findPersonalData } from '../../src/plans/domain/personal-data.js';
import { isAcceptableText } from '../../src/shared/text-rule.js';

/*
 * Text the text rule accepts, leaning on what a spreadsheet garbles: formula starts (= + - @ '),
 * tabs, line ends of every kind, blank lines, markup and entities, Excel's own _xHHHH_ escapes,
 * characters beyond the BMP, and spaces where a trim would notice them.
 */
const AWKWARD = [
  '=',
  '+',
  '-',
  '@',
  "'",
  "''=",
  '\t',
  '\n',
  '\r\n',
  '\n\n',
  '\n \n',
  '\n\u00a0\n',
  ' ',
  '  ',
  '\u00a0',
  '<p>',
  '</p>',
  '<br>',
  '<b>',
  '&amp;',
  '&#65;',
  '&nbsp;',
  '_x0041_',
  '_x000D_',
  '"',
  ',',
  ';',
  '.',
  '😀',
  '𝒜',
  '𠀀',
  'é',
  'e\u0301',
  '\u200B',
  '’',
  '…',
  '=1+1',
  '2024',
  'Audit',
  'caseloads',
];

const piece = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...AWKWARD) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
);

/** Text a person may type into any field, as the rule accepts it (and the personal-data check passes). */
export const acceptedText = fc
  .array(piece, { minLength: 1, maxLength: 8 })
  .map((pieces) => pieces.join(''))
  .filter((text) => isAcceptableText(text) && findPersonalData(text).length === 0);
