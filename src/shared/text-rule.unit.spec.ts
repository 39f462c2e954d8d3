import { describe, expect, it } from '@jest/globals';
import * as fc from 'fast-check';
import { textFault, type TextRuleOptions } from './text-rule.js';

/* Issue 18, defect 5: one rule for the text of every field, told to a council officer. */

const given = (text: string, options: TextRuleOptions = {}) => ({
  whenChecked: () => ({
    thenAccepted: () => expect(textFault(text, options)).toBeNull(),
    thenRefused: (message: string) => expect(textFault(text, options)?.message).toBe(message),
  }),
});

const VISIBLE_LETTER = /(?!\p{Default_Ignorable_Code_Point})\p{L}/u;
const REFUSED_ANYWHERE = /[\p{Cc}\p{Cs}\p{Noncharacter_Code_Point}\uFFFD]/u;

describe('the text rule', () => {
  it.each([
    ['BEL', 'Audit done.\u0007', 'contains a control character (U+0007) at position 12'],
    ['NUL', '\u0000', 'contains a control character (U+0000) at position 1'],
    ['ESC', 'a\u001b[31mred', 'contains a control character (U+001B) at position 2'],
    ['a vertical tab', 'a\u000bb', 'contains a control character (U+000B) at position 2'],
    ['DEL', 'a\u007f', 'contains a control character (U+007F) at position 2'],
    ['a C1 control', 'a\u0085b', 'contains a control character (U+0085) at position 2'],
    ['a carriage return ending no line', 'a\rb\r\n', 'contains a control character (U+000D) at position 2'],
    ['U+FFFE', 'x\uFFFE', 'contains a noncharacter (U+FFFE) at position 2'],
    ['U+FDD0', '\uFDD0', 'contains a noncharacter (U+FDD0) at position 1'],
    ['a noncharacter beyond the BMP', '\u{10FFFF}', 'contains a noncharacter (U+10FFFF) at position 1'],
  ])('refuses %s, naming the character and where it is', (_, text, message) =>
    given(text).whenChecked().thenRefused(message),
  );

  it('counts positions as a reader does: an emoji before the fault is one character', () =>
    given('😀\u0007').whenChecked().thenRefused('contains a control character (U+0007) at position 2'));

  it.each([
    ['a lone high surrogate', 'ab\uD83D', 'U+D83D', 3],
    ['a lone low surrogate', '\uDE00b', 'U+DE00', 1],
  ])('refuses %s as damaged text', (_, text, code, position) =>
    given(text)
      .whenChecked()
      .thenRefused(
        `contains half of a character pair (${code}) at position ${position}: ` +
          'the text was cut or damaged before it reached us',
      ),
  );

  it('refuses the replacement character a wrong encoding leaves behind', () =>
    given('Caf\uFFFD')
      .whenChecked()
      .thenRefused(
        'contains a replacement character (U+FFFD) at position 4: the text was damaged by a wrong ' +
          'encoding; paste it again from the original',
      ));

  it.each(['', '   ', '\n\t', '\u00a0'])('refuses blank text %j where text is required', (text) =>
    given(text).whenChecked().thenRefused('must not be empty'),
  );

  it('allows blank text where blank means "not given"', () =>
    given('  ', { blankAllowed: true }).whenChecked().thenAccepted());

  it.each([
    ['\u200B', 'U+200B'],
    [' \u200D\u200C ', 'U+200D'],
    ['\uFEFF', 'U+FEFF'],
    ['\u2060\u00AD', 'U+2060'],
  ])('refuses %j, invisible characters only, even where blank is allowed', (text, code) => {
    const message = `holds only invisible characters (such as ${code}), so it would look empty`;
    given(text).whenChecked().thenRefused(message);
    given(text, { blankAllowed: true }).whenChecked().thenRefused(message);
  });

  it.each([
    ['tabs, line feeds and CRLF', 'Line one\r\n\tLine two\nthree'],
    ['a formula-looking start', "'=1+1"],
    ['accents, quotes and symbols', 'Children’s “services” £5 – café'],
    ['characters beyond the BMP', '𝒜 audit 😀 done 𠀀'],
    ['a joiner inside real text', 'family 👨‍👩‍👧 time'],
    ['private-use characters', '\uE000'],
  ])('accepts %s', (_, text) => given(text).whenChecked().thenAccepted());

  it('accepts any text of ordinary characters, and refuses any with one bad character in it', () =>
    fc.assert(
      fc.property(
        // Ordinary: a visible letter (not a filler such as U+3164), and none of what the rule
        // refuses (the generator can give U+FFFD).
        fc
          .string({ unit: 'grapheme', minLength: 1 })
          .filter((text) => VISIBLE_LETTER.test(text) && !REFUSED_ANYWHERE.test(text)),
        fc.constantFrom('\u0000', '\u0007', '\u001b', '\u000b', '\u0090', '\uFFFE', '\uD800', '\uFFFD'),
        fc.nat(),
        (text, bad, at) => {
          const characters = [...text];
          expect(textFault(text)).toBeNull();
          const index = at % (characters.length + 1);
          const spoiled = [...characters.slice(0, index), bad, ...characters.slice(index)].join('');
          expect(textFault(spoiled)?.position).toBe(index + 1);
        },
      ),
      { numRuns: 200 },
    ));
});
