/**
 * How free text and a search query are cut into words and compared: case, accents and
 * apostrophes do not count ("Children’s", "childrens" and "CHILDRENS" are one word), and a
 * decimal or a ref keeps its dot ("1.10", "18.5"). Pure, so what is indexed and what is searched
 * for are cut the same way.
 */

/** A word of a text: its folded form, and where it stands (UTF-16 offsets, end exclusive). */
export interface TextWord {
  readonly word: string;
  readonly start: number;
  readonly end: number;
}

// A word starts with a letter or digit; an apostrophe inside it, or a dot between digits, keeps it whole.
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:(?:['’ʼ]|(?<=\p{N})\.(?=\p{N}))[\p{L}\p{M}\p{N}]+)*/gu;
// The same words in text with no letter beyond ASCII (most English notes, typographic quotes and
// dashes included), found four times faster: Unicode property classes are slow in V8.
const ENGLISH_TEXT = /^[\t\n\r -~‘’“”–—]*$/;
const ENGLISH_WORD = /[A-Za-z0-9]+(?:(?:['’]|(?<=[0-9])\.(?=[0-9]))[A-Za-z0-9]+)*/g;
const wordPattern = (text: string) => (ENGLISH_TEXT.test(text) ? ENGLISH_WORD : WORD);
const MARKS = /\p{M}/gu;
const APOSTROPHES = /['’ʼ]/g;
// Letters that Unicode does not decompose into a base letter and an accent.
const UNDECOMPOSED: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};
const UNDECOMPOSED_LETTER = /[ßæœøłđðþı]/g;
const PLAIN = /^[a-z0-9.]*$/;

/** A word as it is compared: lower case, without accents or apostrophes. */
export function foldWord(word: string): string {
  const lower = word.toLowerCase();
  if (PLAIN.test(lower)) return lower;
  return lower
    .normalize('NFKD')
    .replace(MARKS, '')
    .replace(APOSTROPHES, '')
    .replace(UNDECOMPOSED_LETTER, (letter) => UNDECOMPOSED[letter] ?? letter);
}

/** The words of a text as written (not folded), in order: what an index folds once per spelling. */
export const writtenWordsOf = (text: string): string[] => text.match(wordPattern(text)) ?? [];

/** The words of a text, in order, with where each stands in it. */
export function wordsOf(text: string): TextWord[] {
  return Array.from(text.matchAll(wordPattern(text)), (match) => ({
    word: foldWord(match[0]),
    start: match.index,
    end: match.index + match[0].length,
  }));
}
