import { wordsOf } from './search-words.js';

/** A matched word's place in a text: UTF-16 offsets, end exclusive, as JavaScript slices strings. */
export interface TextSpan {
  readonly start: number;
  readonly end: number;
}

const WHOLE_WORD = 2;
const START_OF_WORD = 1;
const IN_ORDER = 2;

/**
 * How well a text (its folded words) answers a query, or undefined when it misses one of the
 * query's words (a search asks for all of them). Each query word scores 2 when the text has it as
 * a whole word and 1 when a word only starts with it ("safeguard" in "safeguarding"); the words
 * written together and in the query's order score 2 more. Hits of equal score show newest first.
 */
export function rankOf(textWords: readonly string[], queryWords: readonly string[]): number | undefined {
  let score = 0;
  for (const query of queryWords) {
    const found = matchOf(textWords, query);
    if (found === 0) return undefined;
    score += found;
  }
  return queryWords.length > 1 && inOrder(textWords, queryWords) ? score + IN_ORDER : score;
}

// Plain loops: a search ranks thousands of texts, and startsWith fails on the first letter mostly.
function matchOf(textWords: readonly string[], query: string): number {
  let found = 0;
  for (const word of textWords) {
    if (word === query) return WHOLE_WORD;
    if (word.startsWith(query)) found = START_OF_WORD;
  }
  return found;
}

function inOrder(textWords: readonly string[], queryWords: readonly string[]): boolean {
  for (let at = 0; at + queryWords.length <= textWords.length; at += 1) {
    let offset = 0;
    while (offset < queryWords.length && textWords[at + offset]!.startsWith(queryWords[offset]!)) offset += 1;
    if (offset === queryWords.length) return true;
  }
  return false;
}

/** Where the text shows the query's words: every word that starts with one of them. */
export function highlightsOf(text: string, queryWords: readonly string[]): TextSpan[] {
  return wordsOf(text)
    .filter(({ word }) => queryWords.some((query) => word.startsWith(query)))
    .map(({ start, end }) => ({ start, end }));
}
