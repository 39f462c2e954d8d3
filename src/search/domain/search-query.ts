import { invalid } from '../../plans/domain/errors.js';
import { wordsOf } from './search-words.js';

/** Long enough for a sentence from a note; a longer query is a pasted document, not a search. */
export const MAX_QUERY_LENGTH = 200;
/** Different words a query may hold: a sentence, not a paragraph (ranking costs grow with each). */
export const MAX_QUERY_WORDS = 20;
/** A page of hits: enough for a screen, small enough to answer within the speed target. */
export const MAX_HITS = 100;

/** What to look for: the folded words of the query, each once, in the order written. */
export interface SearchQuery {
  readonly words: readonly string[];
}

/** Reads what someone typed into a search; refuses a query with no word, or too long to be one. */
export function searchQuery(text: string): SearchQuery {
  if (text.length > MAX_QUERY_LENGTH) {
    throw invalid('text', `Search for at most ${MAX_QUERY_LENGTH} characters (this is ${text.length})`);
  }
  const words = [...new Set(wordsOf(text).map(({ word }) => word))];
  if (words.length === 0) throw invalid('text', 'Give at least one word to search for');
  if (words.length > MAX_QUERY_WORDS) {
    throw invalid('text', `Search for at most ${MAX_QUERY_WORDS} different words (this has ${words.length})`);
  }
  return { words };
}

/** How many hits to answer with; refuses a page size outside 1..MAX_HITS. */
export function hitLimit(first: number): number {
  if (!Number.isInteger(first) || first < 1 || first > MAX_HITS) {
    throw invalid('first', `first must be from 1 to ${MAX_HITS}`);
  }
  return first;
}
